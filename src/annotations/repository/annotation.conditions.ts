import { MatchMode } from '../../common/sort-direction.enum';
import { Where, whereAll } from '../../common/sql';
import { AnnotationMatch, DEFAULT_MATCH_STATUSES } from '../dto/annotation-match.input';

/**
 * `idColumn` (a Knex identifier) is among the ids whose annotations match: the provision's agreement for
 * `'agreement'` (`a.id`), the annotation's provision for `'provision'` (`pr.id`). With `match: ALL`, one
 * subquery per code.
 */
export function annotationMatch(
  match: AnnotationMatch | null | undefined,
  idColumn: string,
  owner: 'agreement' | 'provision',
): Where {
  // No codes is no condition, as an empty list is in every filter.
  if (!match?.codes.length) return whereAll([]);
  const statuses = match.statuses?.length ? match.statuses : DEFAULT_MATCH_STATUSES;
  const subquery =
    (codes: string[]): Where =>
    (qb) => {
      qb.whereIn(idColumn, (sub) => {
        if (owner === 'agreement')
          sub
            .select('mp.agreement_id')
            .from('annotation as ma')
            .join('provision as mp', 'mp.id', 'ma.provision_id');
        else sub.select('ma.provision_id').from('annotation as ma');
        sub.whereIn('ma.code', codes).whereIn('ma.status', statuses);
      });
    };
  return whereAll(
    match.match === MatchMode.ALL ? match.codes.map((code) => subquery([code])) : [subquery(match.codes)],
  );
}
