import { agreementWhere } from '../../agreements/repository/agreement.conditions';
import { annotationMatch } from '../../annotations/repository/annotation.conditions';
import { AnnotationMatch, DEFAULT_MATCH_STATUSES } from '../../annotations/dto/annotation-match.input';
import { KeysetColumn } from '../../common/pagination/keyset';
import { SortDirection } from '../../common/sort-direction.enum';
import { Knex } from '@mikro-orm/knex';
import { ofVisibleAgreement } from '../../agreements/repository/agreement-visibility';
import {
  checkContainsText,
  containsText,
  equalsIgnoringCase,
  endsWithWordIgnoringCase,
  havingManyValues,
  SqlCondition,
  toSqlCondition,
  Where,
} from '../../common/sql';
import { articleNumberForm } from '../article-number';
import { ProvisionFilter } from '../dto/provision-filter.input';
import { ProvisionOrder, ProvisionOrderField } from '../dto/provision-order.input';

/** Provisions are listed from `provision as pr` joined to `agreement as a`: agreement conditions apply to `a`. */
export const PROVISION_TABLE = 'provision as pr';
export const joinAgreement = (qb: Knex.QueryBuilder) => qb.join('agreement as a', 'a.id', 'pr.agreement_id');

/**
 * The conditions of a ProvisionFilter on `pr` and its agreement `a`. Archived agreements are left out unless the
 * filter asks for them, with or without a filter. Checks the filter first (BAD_USER_INPUT at `path`).
 */
export function provisionWhere(filter: ProvisionFilter | null | undefined, path = 'filter'): Where {
  const agreement = agreementWhere(filter?.agreement, 'a', `${path}.agreement`);
  checkContainsText(`${path}.textContains`, filter?.textContains);
  checkContainsText(`${path}.articleNumber`, filter?.articleNumber);
  return (qb) => {
    qb.where(agreement);
    if (!filter) return;
    if (filter.locations?.length) qb.whereIn('pr.location', filter.locations);
    // ISO 639-1 codes are stored in lower case; a client's ES means es (as the downloads read it).
    if (filter.languages?.length)
      qb.whereIn(
        'pr.language',
        filter.languages.map((l) => l.toLowerCase()),
      );
    qb.where(annotationMatch(filter.annotations, 'pr.id', 'provision'));
    if (filter.bindingForces?.length) qb.where(bindingForce(filter.bindingForces, filter.annotations));
    if (filter.articleNumber) {
      const number = articleNumberForm(filter.articleNumber);
      qb.where((either) =>
        either
          .where(equalsIgnoringCase('pr.article_number', number))
          .orWhere(endsWithWordIgnoringCase('pr.article_number', number)),
      );
    }
    if (filter.textContains) {
      qb.where(
        containsText(['pr.text', 'pr.summary', 'pr.article_title', 'pr.chapter_title'], filter.textContains),
      );
    }
  };
}

/**
 * @deprecated for callers that still concatenate SQL (search's engine statements, on `provision pr join
 * agreement a`): `provisionWhere` as string fragments.
 */
export function provisionConditions(
  filter: ProvisionFilter | null | undefined,
  path = 'filter',
): SqlCondition[] {
  return [toSqlCondition(provisionWhere(filter, path))];
}

/** Has an annotation with one of these binding forces, of the annotation filter's codes and statuses if any. */
function bindingForce(forces: string[], match: AnnotationMatch | null | undefined): Where {
  const statuses = match?.statuses?.length ? match.statuses : DEFAULT_MATCH_STATUSES;
  const codes = match?.codes?.length ? match.codes : null;
  return (qb) => {
    qb.whereIn('pr.id', (sub) => {
      sub
        .select('bf.provision_id')
        .from('annotation as bf')
        .whereIn('bf.binding_force', forces)
        .whereIn('bf.status', statuses);
      if (codes) sub.whereIn('bf.code', codes);
    });
  };
}

export function provisionOrder(order: ProvisionOrder | null | undefined): KeysetColumn[] {
  const direction = order?.direction ?? SortDirection.ASC;
  const tail: KeysetColumn[] = [
    { column: 'pr.agreement_id', direction, nullable: false, type: 'integer' },
    { column: 'pr.position', direction, nullable: false, type: 'integer' },
    { column: 'pr.id', direction, nullable: false, type: 'integer' },
  ];
  if (order?.field === ProvisionOrderField.AGREEMENT_DATE_SIGNED) {
    return [{ column: 'a.date_signed', direction, nullable: true, type: 'text' }, ...tail];
  }
  return tail;
}

/**
 * The number of provisions the catalogue holds of the agreement whose id is at `agreementId` (`'a.id'`), as the
 * column `provisions`: what a record's completeness (`recordCompleteness`) is judged on beside its coverage.
 */
export const provisionCountOf = (knex: Knex, agreementId: string): Knex.QueryBuilder =>
  knex('provision as pr').count('*').where('pr.agreement_id', knex.ref(agreementId)).as('provisions');

/**
 * The locations of these agreements' provisions, one row (agreement_id, location) each: the parts a record holds
 * some provisions of (`recordCompleteness`'s `locations`, `locationsByAgreement`).
 */
export const provisionLocationsOf = (knex: Knex, agreementIds: readonly number[]): Knex.QueryBuilder =>
  knex('provision')
    .distinct('agreement_id', 'location')
    .whereIn('agreement_id', [...agreementIds]);

/** What names an article's chapter for `numberedPerChapter`: its number, else its title. */
const CHAPTER_OF_ARTICLE = ['chapter_number', 'chapter_title'];

/**
 * The language versions of some agreements that number their articles per chapter, rows of (agreement_id,
 * language): where one article number is in more than one of a version's chapters (AANZFTA's Chapter 7 and
 * Chapter 11 each have an Article 1 Scope), so that the number alone names no article and a citation must name the
 * chapter too ("Chapter 11, Article 1"). Read per language, as a further language version repeats every number in
 * chapters of its own words ("CAPÍTULO 11" beside "CHAPTER 11"); the provisions of no recorded language are one
 * version. A chapter is known by its number, else its title; an article in no chapter is in a chapter of its own.
 * Articles held under a protocol's or annex's key (`protocol-iii-cultural-cooperation/art-2`) are left out: their
 * labels name their protocol.
 * The one statement of the rule: GraphQL's loader reads it (`ProvisionRepository.languagesNumberedPerChapter`), the
 * exports join it to their rows (`joinNumberedPerChapter`).
 */
export function numberedPerChapter(knex: Knex, agreementIds: readonly number[]): Knex.QueryBuilder {
  const repeated = knex('provision')
    .select('agreement_id', 'language')
    .whereIn('agreement_id', [...agreementIds])
    .whereNotNull('article_number')
    // An article held under a protocol's or annex's key is named by it (`articleCellLabel`), never by a chapter:
    // the EPA's Protocol III Articles 1 to 3 made every main-text label name its chapter ("PART I, Art. 2").
    .whereNot('key', 'like', '%/%')
    .where(ofVisibleAgreement('provision.agreement_id'))
    .groupBy('agreement_id', 'language', 'article_number');
  return knex
    .distinct('agreement_id', 'language')
    .from(havingManyValues(repeated, CHAPTER_OF_ARTICLE).as('repeated'));
}

/**
 * Selects, as `numbered_per_chapter`, the agreement's id where the agreement of the provision under `alias` numbers
 * its language's articles per chapter (`numberedPerChapter`, of the agreements `agreementIds`), else null.
 */
export function joinNumberedPerChapter(
  qb: Knex.QueryBuilder,
  knex: Knex,
  agreementIds: readonly number[],
  alias: string,
): Knex.QueryBuilder {
  return qb
    .leftJoin(numberedPerChapter(knex, agreementIds).as('per_chapter'), function () {
      this.on('per_chapter.agreement_id', '=', `${alias}.agreement_id`).andOn(function () {
        this.on('per_chapter.language', '=', `${alias}.language`).orOn(function () {
          this.onNull('per_chapter.language').andOnNull(`${alias}.language`);
        });
      });
    })
    .select({ numbered_per_chapter: 'per_chapter.agreement_id' });
}
