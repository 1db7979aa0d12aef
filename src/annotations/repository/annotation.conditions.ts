import { MatchMode } from '../../common/sort-direction.enum';
import { sqlIn, SqlCondition, and } from '../../common/sql';
import { AnnotationMatch, DEFAULT_MATCH_STATUSES } from '../dto/annotation-match.input';

/**
 * `<idColumn> in (ids whose annotations match)`, where `idSelect` is the column of the matching
 * annotation's owner: `pr."agreement_id"` for agreements, `an."provision_id"` for provisions.
 */
export function annotationMatchConditions(
  match: AnnotationMatch | null | undefined,
  idColumn: string,
  idSelect: 'agreement' | 'provision',
): SqlCondition[] {
  if (!match) return [];
  const statuses = match.statuses?.length ? match.statuses : DEFAULT_MATCH_STATUSES;
  const owner = idSelect === 'agreement' ? 'mp."agreement_id"' : 'ma."provision_id"';
  const from =
    idSelect === 'agreement'
      ? 'annotation ma join provision mp on mp."id" = ma."provision_id"'
      : 'annotation ma';
  const subquery = (codes: string[]): SqlCondition => {
    const where = and([sqlIn('ma."code"', codes), sqlIn('ma."status"', statuses)]);
    return { sql: `${idColumn} in (select ${owner} from ${from} where ${where.sql})`, params: where.params };
  };
  return match.match === MatchMode.ALL
    ? match.codes.map((code) => subquery([code]))
    : [subquery(match.codes)];
}
