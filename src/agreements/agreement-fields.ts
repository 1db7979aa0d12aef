/**
 * The agreement's own facts, in the order every record of an agreement lists them: the record format
 * (`agreement-record.schema.ts`), the reader and writer of records (`ingest/`), the audit snapshot, the agreement
 * CSV export and the explorer's agreement page. One list: a new fact added here reaches all of them, and
 * `field-lists.spec.ts` fails when one of them lists the facts by hand again.
 *
 * `types` is not a column of `agreement` (the `agreement_type` rows); every other name is a property of the
 * `Agreement` entity whose column is its snake_case form (MikroORM's default naming).
 */
export const AGREEMENT_FIELDS = [
  'slug',
  'title',
  'shortTitle',
  'kind',
  'types',
  'status',
  'dateSigned',
  'dateProvisionallyApplied',
  'dateInForce',
  'dateTerminated',
  'concludedBy',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/** The agreement's dates (a subset of AGREEMENT_FIELDS), checked for order and the future by the mutations. */
export const AGREEMENT_DATE_FIELDS = [
  'dateSigned',
  'dateProvisionallyApplied',
  'dateInForce',
  'dateTerminated',
] as const satisfies readonly AgreementField[];

/** The column (and export column) of a field: MikroORM's UnderscoreNamingStrategy. */
export const columnName = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An object with `fields` in their order, each valued by `valueOf` (snapshots, records read from rows). */
export function fieldsOf<const F extends string, V>(
  fields: readonly F[],
  valueOf: (field: F) => V,
): Record<F, V> {
  return Object.fromEntries(fields.map((field) => [field, valueOf(field)])) as Record<F, V>;
}
