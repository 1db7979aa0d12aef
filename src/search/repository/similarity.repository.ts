import { visibleAgreement } from '../../agreements/repository/agreement-visibility';
import { EntityManager } from '@mikro-orm/knex';
import { rowsInTransaction } from '../../common/sql';
import { Agreement } from '../../agreements/agreement.entity';
import { readEntities } from '../../common/row-mapper';
import { Provision } from '../../provisions/provision.entity';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotationStatus } from '../../annotations/annotation.enums';

/** The statements of similar clauses, clause families and their members. */

/** The stored MinHash signature of a provision (none for a text too short to compare). */
export async function signatureOf(em: EntityManager, provisionId: number): Promise<Uint8Array | null> {
  const [row] = await rowsInTransaction<{ signature: Uint8Array }>(
    em,
    em.getKnex().select('signature').from('provision_signature').where('provision_id', provisionId),
  );
  return row ? row.signature : null;
}

export interface ComparisonSource {
  id: number;
  text: string | null;
  summary: string | null;
}

/** The text and summary of these provisions (what comparisonText reads). */
export function comparisonSources(em: EntityManager, ids: readonly number[]): Promise<ComparisonSource[]> {
  return rowsInTransaction<ComparisonSource>(
    em,
    em
      .getKnex()
      .select('id', 'text', 'summary')
      .from('provision')
      .whereIn('id', [...ids]),
  );
}

/** The text and summary of those of these provisions whose agreement is not archived. */
export function liveComparisonSources(
  em: EntityManager,
  ids: readonly number[],
): Promise<ComparisonSource[]> {
  return rowsInTransaction<ComparisonSource>(
    em,
    em
      .getKnex()
      .select('p.id', 'p.text', 'p.summary')
      .from('provision as p')
      .join('agreement as a', 'a.id', 'p.agreement_id')
      .whereIn('p.id', [...ids])
      .whereNull('a.archived_at')
      .where(visibleAgreement('a')),
  );
}

export interface ProvisionPlace {
  id: number;
  agreementId: number;
  position: number;
  dateSigned: string | null;
}

/** Agreement, position and the agreement's signature date of these provisions. */
export async function provisionPlaces(em: EntityManager, ids: readonly number[]): Promise<ProvisionPlace[]> {
  const rows = await rowsInTransaction<{
    id: number;
    agreement_id: number;
    position: number;
    date_signed: string | null;
  }>(
    em,
    em
      .getKnex()
      .select('p.id', 'p.agreement_id', 'p.position', 'a.date_signed')
      .from('provision as p')
      .join('agreement as a', 'a.id', 'p.agreement_id')
      .whereIn('p.id', [...ids]),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    agreementId: Number(row.agreement_id),
    position: Number(row.position),
    dateSigned: row.date_signed ? String(row.date_signed) : null,
  }));
}

/** The taxonomy codes of the annotations (not rejected) of each of these provisions, by code. */
export async function codesOfProvisions(
  em: EntityManager,
  ids: readonly number[],
): Promise<Map<number, ProvisionCodes>> {
  const rows = await rowsInTransaction<{ provision_id: number; code: string; status: string }>(
    em,
    em
      .getKnex()
      .distinct('provision_id', 'code', 'status')
      .from('annotation')
      .whereIn('provision_id', [...ids])
      .whereNot('status', AnnotationStatus.REJECTED)
      .orderBy('code'),
  );
  const accepted = new Set(
    rows.filter((r) => r.status === AnnotationStatus.ACCEPTED).map((r) => `${r.provision_id} ${r.code}`),
  );
  const codesOf = new Map<number, ProvisionCodes>();
  for (const row of rows) {
    const key = Number(row.provision_id);
    const codes = codesOf.get(key) ?? { codes: [], proposedCodes: [] };
    const code = row.code as TaxonomyCodeId;
    if (!codes.codes.includes(code)) codes.codes.push(code);
    // Only proposed: no annotation of the code on this provision is accepted.
    if (!accepted.has(`${row.provision_id} ${code}`) && !codes.proposedCodes.includes(code))
      codes.proposedCodes.push(code);
    codesOf.set(key, codes);
  }
  return codesOf;
}

/** A provision's taxonomy codes (annotations not rejected), and those of them no reviewer has accepted yet. */
export interface ProvisionCodes {
  codes: TaxonomyCodeId[];
  proposedCodes: TaxonomyCodeId[];
}

/** These provisions as read-only entities, each with its agreement loaded: two statements. */
export async function loadProvisions(
  em: EntityManager,
  ids: readonly number[],
): Promise<Map<number, Provision>> {
  if (!ids.length) return new Map();
  const provisions = await readEntities(em, Provision, 'loadProvisions', ids, (qb, ids) =>
    qb.whereIn('id', [...ids]),
  );
  const agreementIds = [...new Set(provisions.map((p) => p.agreement.id))];
  const agreements = new Map(
    (
      await readEntities(em, Agreement, 'loadProvisions', agreementIds, (qb, ids) =>
        qb.whereIn('id', [...ids]),
      )
    ).map((a) => [a.id, a]),
  );
  for (const p of provisions) p.agreement = agreements.get(p.agreement.id) ?? p.agreement;
  return new Map(provisions.map((p) => [p.id, p]));
}
