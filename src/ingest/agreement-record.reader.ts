import { EntityManager } from '@mikro-orm/knex';
import { AGREEMENT_FIELDS, columnName, fieldsOf } from '../agreements/agreement-fields';
import { AgreementRecord } from '../agreements/agreement-record.schema';
import { Agreement } from '../agreements/agreement.entity';
import { PROVISION_FIELDS } from '../provisions/provision-fields';
import {
  AgreementRecordRepository,
  AgreementRecordRows,
  DbRow,
} from './repository/agreement-record.repository';

/** A JSON column: SQLite hands back its text, PostgreSQL the parsed value. */
export const jsonColumn = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** Each provision field with its column, worked out once (the export reads tens of thousands of provisions). */
const PROVISION_COLUMNS = PROVISION_FIELDS.map((field) => [field, columnName(field)] as const);

/** The PROVISION_FIELDS of a provision row, in their order (as `fieldsOf` makes them, without a map per row). */
function provisionFields(p: DbRow): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [field, column] of PROVISION_COLUMNS) fields[field] = p[column];
  return fields;
}

/** Rows grouped by a numeric column, looked up by its value. */
function groupedBy(rows: DbRow[], column: string): (id: number) => DbRow[] {
  const groups = new Map<number, DbRow[]>();
  for (const row of rows) {
    const id = Number(row[column]);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return (id) => groups.get(id) ?? [];
}

/** The whole record of one agreement (facts, provisions, annotations), as `export agreements` writes it. */
export async function readAgreementRecord(em: EntityManager, agreement: Agreement): Promise<AgreementRecord> {
  return (await readAgreementRecords(em, [agreement.id]))[0];
}

/** A record's annotation of a provision, from its row. */
const annotationOf = (n: DbRow) => ({
  code: n.code,
  detail: jsonColumn(n.detail),
  bindingForce: n.binding_force,
  note: n.note,
  status: n.status,
  origin: n.origin,
  ruleId: n.rule_id,
  confidence: n.confidence,
  author: n.author,
  partyScope: jsonColumn(n.party_scope),
  evidence:
    n.evidence_start != null && n.evidence_end != null
      ? { start: n.evidence_start, end: n.evidence_end, quote: n.evidence_quote ?? '' }
      : null,
});

/** A record's facts but its provisions, each part read from its rows. */
function recordButProvisions(rows: Omit<AgreementRecordRows, 'provisions'>): (id: number) => AgreementRecord {
  const agreements = groupedBy(rows.agreements, 'id');
  const typesOf = groupedBy(rows.types, 'agreement_id');
  const partiesOf = groupedBy(rows.parties, 'agreement_id');
  const relationsOf = groupedBy(rows.relations, 'from_id');
  return (id) => {
    const [a] = agreements(id);
    if (!a) throw new Error(`agreement ${id} not found`);
    const recordParts = jsonColumn<unknown[] | null>(a.record_parts);
    return {
      ...fieldsOf(AGREEMENT_FIELDS, (field) =>
        field === 'types' ? typesOf(id).map((t) => t.type) : a[columnName(field)],
      ),
      language: a.language,
      origin: a.origin,
      composition: a.composition,
      regions: jsonColumn(a.regions),
      sourceMeta: jsonColumn(a.source_meta),
      parties: partiesOf(id).map((p) => ({
        code: p.party_code,
        role: p.role,
        dateJoined: p.date_joined,
        dateWithdrawn: p.date_withdrawn,
        withdrawn: Boolean(p.withdrawn),
        signatoryOnly: Boolean(p.signatory_only),
        dateSigned: p.date_signed,
        dateProvisionallyApplied: p.date_provisionally_applied,
        dateInForce: p.date_in_force,
        dateInForcePrecision: p.date_in_force_precision,
        suspendedFrom: p.suspended_from,
        suspendedUntil: p.suspended_until,
        suspensionSource: p.suspension_source,
        side: p.side,
      })),
      externalIds: { wtoRtaId: a.wto_rta_id, totaId: a.tota_id, destaNumber: a.desta_number },
      sources: jsonColumn(a.sources),
      factSources: jsonColumn(a.fact_sources),
      record: a.record_coverage ? { coverage: a.record_coverage, parts: recordParts ?? [] } : null,
      related: relationsOf(id).map((r) => ({ slug: r.slug, relation: r.kind })),
    } as AgreementRecord;
  };
}

/**
 * The records of several agreements, in the order of `ids`, with one plain query per table for all of them
 * (no entities: the export reads the whole catalogue this way; see AgreementRecordRepository).
 */
export async function readAgreementRecords(em: EntityManager, ids: number[]): Promise<AgreementRecord[]> {
  const rows = await new AgreementRecordRepository(em).rows(ids);
  const recordOf = recordButProvisions(rows);
  const provisionsOf = groupedBy(rows.provisions, 'agreement_id');
  const annotationsOf = groupedBy(rows.annotations, 'provision_id');
  return ids.map((id) => {
    const record = recordOf(id);
    record.provisions = provisionsOf(id).map((p) => {
      const provision = provisionFields(p);
      provision.annotations = annotationsOf(Number(p.id)).map(annotationOf);
      return provision;
    }) as AgreementRecord['provisions'];
    return record;
  });
}

/**
 * A whole record as the export writes it, in parts: `head`, the JSON of the record but its provisions (the
 * last member), left open; then each provision's `line` as the database wrote it (open after its fields) and
 * `end`, the JSON of its annotations with the object's end. Written in order, with `,"provisions":[`, `,`
 * between provisions and `]}`, they make JSON.stringify of the record (`readAgreementRecords`), without an
 * object or a string per record: a record holds every text of an agreement.
 */
export interface RecordInParts {
  head: string;
  provisions: { line: Buffer | string; end: string }[];
}

/** The records of several agreements in parts (RecordInParts), in the order of `ids`. */
export async function readAgreementRecordsInParts(
  em: EntityManager,
  ids: number[],
): Promise<RecordInParts[]> {
  const rows = await new AgreementRecordRepository(em).lineRows(ids);
  const recordOf = recordButProvisions(rows);
  const provisionsOf = groupedBy(rows.provisions as unknown as DbRow[], 'agreement_id');
  const annotationsOf = groupedBy(rows.annotations, 'provision_id');
  return ids.map((id) => {
    const head = JSON.stringify(recordOf(id));
    return {
      head: head.slice(0, -1),
      provisions: provisionsOf(id).map((p) => {
        const annotations = annotationsOf(Number(p.id));
        return {
          line: p.line as Buffer | string,
          end: annotations.length
            ? `"annotations":${JSON.stringify(annotations.map(annotationOf))}}`
            : '"annotations":[]}',
        };
      }),
    };
  });
}
