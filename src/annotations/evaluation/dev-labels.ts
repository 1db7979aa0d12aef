import { parse } from 'csv-parse/sync';

import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

/** One row of labels/dev_labels.csv: one (article, code) pair. */
export interface LabelRow {
  readonly treatyIdentifier: string;
  readonly articleIdentifier: string;
  readonly articleNumber: string | null;
  readonly code: TaxonomyCodeId;
  /** Mechanism or subtypes (main first). */
  readonly detail: string[];
  readonly bindingForce: BindingForce | null;
  readonly location: ProvisionLocation | null;
  readonly note: string;
  /** The note starts with BORDERLINE: a contested call. */
  readonly borderline: boolean;
}

/** One row of labels/dev_agreements.csv. */
export interface LabelledAgreementRow {
  readonly treatyIdentifier: string;
  readonly name: string;
  readonly articleCount: number | null;
  readonly labelledCompletely: boolean;
  readonly remarks: string;
}

type CsvRecord = Record<string, string>;

function records(csv: string): CsvRecord[] {
  return parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as CsvRecord[];
}

function enumValue<T extends string>(values: Record<string, T>, raw: string, what: string): T {
  const value = Object.values(values).find((candidate) => candidate === raw);
  if (!value) throw new Error(`unknown ${what} "${raw}"`);
  return value;
}

export function parseDevLabels(csv: string): LabelRow[] {
  return records(csv).map((row) => ({
    treatyIdentifier: row.treaty_identifier,
    articleIdentifier: row.article_identifier,
    articleNumber: row.article_number || null,
    code: enumValue(TaxonomyCodeId, row.code, 'code'),
    detail: (row.detail ?? '')
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean),
    bindingForce: row.binding_force ? enumValue(BindingForce, row.binding_force, 'binding force') : null,
    location: row.location ? enumValue(ProvisionLocation, row.location, 'location') : null,
    note: row.note ?? '',
    borderline: /^BORDERLINE/.test(row.note ?? ''),
  }));
}

export function parseDevAgreements(csv: string): LabelledAgreementRow[] {
  return records(csv).map((row) => ({
    treatyIdentifier: row.treaty_identifier,
    name: row.name,
    articleCount: row.n_articles ? Number(row.n_articles) : null,
    labelledCompletely: /^yes$/i.test(row.labelled_completely ?? ''),
    remarks: row.remarks ?? '',
  }));
}
