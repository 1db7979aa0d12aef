import { nullWithoutIndex, Where } from '../../common/sql';

/**
 * The one rule of what a reader may see of the agreements: none that an `import json` is still writing (marked
 * with its `pending_import_id` until the import's last transaction, `ingest/json-import.service.ts`), nor anything
 * of theirs (provisions, annotations, parties, bindings, search hits). Applied always, unlike the archived
 * agreements' condition: nothing shows a pending agreement. Every statement that reads agreements or what hangs
 * from them applies one of these forms; `test/e2e/import-batches.e2e-part.ts` reads every list with a pending import
 * present.
 */

/**
 * On the `agreement` table under `alias`. Written so that no index can serve it (`nullWithoutIndex`): SQLite's
 * planner took `pending_import_id is null` for a selective equality on its index and drove its joins from it (every
 * agreement, then their provisions sorted again: the clause index's reads by provision id, each a scan of the whole
 * table); the mark is null on all but a few rows.
 */
export function visibleAgreement(alias = 'a'): Where {
  return (qb) => {
    qb.where(nullWithoutIndex(`${alias}.pending_import_id`));
  };
}

/**
 * On a row that names its agreement by id (`column`, e.g. `'p.agreement_id'`), without joining it: the pending
 * agreements are few (none outside an import) and indexed, so the subquery costs an index probe.
 */
export function ofVisibleAgreement(column: string): Where {
  return (qb) => {
    qb.whereNotIn(column, (sub) =>
      sub.select('pending.id').from('agreement as pending').whereNotNull('pending.pending_import_id'),
    );
  };
}

/** On a row that names its provision by id (`column`, e.g. `'an.provision_id'`), without joining it. */
export function ofVisibleProvision(column: string): Where {
  return (qb) => {
    qb.whereNotIn(column, (sub) =>
      sub
        .select('pending_p.id')
        .from('provision as pending_p')
        .join('agreement as pending', 'pending.id', 'pending_p.agreement_id')
        .whereNotNull('pending.pending_import_id'),
    );
  };
}

/** The same rule as an entity condition, for MikroORM's `find` on Agreement (`{ ...VISIBLE, slug }`). */
export const VISIBLE_AGREEMENT = { pendingImportId: null } as const;

/** The same rule on a provision's and an annotation's entity condition. */
export const OF_VISIBLE_AGREEMENT = {
  Agreement: VISIBLE_AGREEMENT,
  Provision: { agreement: VISIBLE_AGREEMENT },
  Annotation: { provision: { agreement: VISIBLE_AGREEMENT } },
} as const;
