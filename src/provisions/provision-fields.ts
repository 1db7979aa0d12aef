/**
 * A provision's own facts, in the order every record of a provision lists them: the record format
 * (`agreement-record.schema.ts`), the reader of records, the audit snapshot (where `text` is summarised by its
 * length and start), the writer (`ingest/agreement-record.writer.ts`: the headings and texts it keeps when a
 * record leaves them out) and the explorer's record download. `field-lists.spec.ts` fails when one of them lists
 * the facts by hand again. Every name is a property of the `Provision` entity, its column the snake_case form.
 */
export const PROVISION_FIELDS = [
  'key',
  'location',
  'chapterNumber',
  'chapterTitle',
  'sectionNumber',
  'sectionTitle',
  'articleNumber',
  'articleTitle',
  'position',
  'language',
  'text',
  'summary',
  'externalId',
] as const;
export type ProvisionField = (typeof PROVISION_FIELDS)[number];

/**
 * The facts a record may leave out and an import then keeps from the provision already held (a TOTA file without
 * headings does not erase them). `key` and `location` identify the provision; `position` falls back to the
 * record's order instead.
 */
export const PROVISION_KEPT_FIELDS = PROVISION_FIELDS.filter(
  (f): f is Exclude<ProvisionField, 'key' | 'location' | 'position'> =>
    f !== 'key' && f !== 'location' && f !== 'position',
);

/**
 * A provision's titles and the labels shown beside them (its numbers, its external id): the facts the title rule
 * (`titleProblem`) holds for, in the API's input, the record format and every import's writer.
 */
export const PROVISION_LABEL_FIELDS = PROVISION_FIELDS.filter(
  (f): f is Exclude<ProvisionField, 'key' | 'location' | 'position' | 'language' | 'text' | 'summary'> =>
    !['key', 'location', 'position', 'language', 'text', 'summary'].includes(f),
);
