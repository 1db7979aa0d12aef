import { EntityManager } from '@mikro-orm/knex';
import { visibleAgreement } from '../../agreements/repository/agreement-visibility';
import { from, readInTransaction } from '../../common/sql';
import { mappedColumns, rowMapper } from '../../common/row-mapper';
import { Annotation } from '../annotation.entity';

/** What a write's checks read of the provision: its text (evidence) and its agreement (party scope, audit). */
export type ProvisionChecked = { text: string | null; agreement: { id: number } };

/** What createAnnotation's checks read of a provision's annotations (the service's `refuseRepeat` compares them). */
const HELD_PROPERTIES: readonly (keyof Annotation & string)[] = [
  'id',
  'provision',
  'code',
  'detail',
  'bindingForce',
  'evidenceStart',
  'evidenceEnd',
  'origin',
  'status',
  'confidence',
  'note',
  'partyScope',
  'createdByKeyId',
  'version',
];

/**
 * The provision `key` of the agreement `slug` for createAnnotation, in one statement inside its transaction: its
 * id, its text (only when the input points into it), its agreement's id and whether that is archived, and its
 * annotations as read-only entities holding what `refuseRepeat` compares. MikroORM's joined `findOne` read every
 * column of the three tables (the agreement's sources and record parts among them) and hydrated managed entities
 * for the flush to compute change sets over. Null: no such provision.
 */
export async function provisionToAnnotate(
  tx: EntityManager,
  slug: string,
  key: string,
  withText: boolean,
): Promise<(ProvisionChecked & { id: number; archived: boolean; annotations: Annotation[] }) | null> {
  const annotationColumns = mappedColumns(tx, Annotation, HELD_PROPERTIES);
  const rows = await readInTransaction<Record<string, unknown>>(
    tx,
    from(tx, 'provision as p')
      .join('agreement as a', 'a.id', 'p.agreement_id')
      .leftJoin('annotation as n', 'n.provision_id', 'p.id')
      .select('p.id as p_id', 'a.id as a_id', 'a.archived_at as a_archived_at')
      .select(withText ? ['p.text as p_text'] : [])
      .select(annotationColumns.map((column) => `n.${column} as n_${column}`))
      .where('a.slug', slug)
      .where(visibleAgreement('a'))
      .where('p.key', key)
      .orderBy('n.id'),
  );
  if (!rows.length) return null;
  const [first] = rows;
  const toAnnotation = rowMapper(tx, Annotation, 'n_', HELD_PROPERTIES);
  return {
    id: Number(first.p_id),
    text: withText ? ((first.p_text as string | null) ?? null) : null,
    agreement: { id: Number(first.a_id) },
    archived: first.a_archived_at != null,
    annotations: rows.filter((row) => row.n_id != null).map(toAnnotation),
  };
}
