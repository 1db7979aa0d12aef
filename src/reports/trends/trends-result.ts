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
    'YEAR of signature; REGION (UN M49) of the parties an agreement binds; AGREEMENT_TYPE; PARTY: every party an agreement binds, directly or through a bloc (the EU and each of its member states; dependent territories are not parties). An agreement counts once in every group it belongs to.',
});

export interface TrendCount {
  code: TaxonomyCodeId;
  /** Counted as evidence: accepted, plus proposed with includeProposed. */
  agreements: number;
  share: number;
  /** Agreements with an accepted annotation of the code. */
  accepted: number;
  /** Agreements with only proposed annotations of the code (awaiting review). */
  proposed: number;
  acceptedShare: number;
  shareWithProposed: number;
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
