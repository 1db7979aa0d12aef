import { registerEnumType } from '@nestjs/graphql';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

export enum TrendGroupBy {
  YEAR = 'YEAR',
  REGION = 'REGION',
  AGREEMENT_TYPE = 'AGREEMENT_TYPE',
  PARTY = 'PARTY',
}
registerEnumType(TrendGroupBy, {
  name: 'TrendGroupBy',
  description:
    "YEAR of signature; REGION of a party (UN M49; a bloc counts in its members' regions); AGREEMENT_TYPE; PARTY (direct parties, a bloc as itself). An agreement counts once in every group it belongs to.",
});

export interface TrendCount {
  code: TaxonomyCodeId;
  agreements: number;
  share: number;
}

export interface TrendGroup {
  key: string;
  label: string;
  agreements: number;
  counts: TrendCount[];
}

export interface TrendsResult {
  groupBy: TrendGroupBy;
  from: number | null;
  to: number | null;
  codes: TaxonomyCodeId[];
  includeProposed: boolean;
  notes: string[];
  /** Agreements signed in the range (each counted once). */
  agreements: number;
  groups: TrendGroup[];
}
