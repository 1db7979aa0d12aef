import { EntityManager, Knex } from '@mikro-orm/knex';
import { agreementWhere } from '../../agreements/repository/agreement.conditions';
import { AgreementFilter } from '../../agreements/dto/agreement-filter.input';
import { annotationMatch } from '../../annotations/repository/annotation.conditions';
import { LineCell, rowsOf, selectLine } from '../../common/sql';
import { engineOf } from '../../database/engines/engines';
import { joinNumberedPerChapter } from '../../provisions/repository/provision.conditions';
import type { AnnotationSelection, ExportSelection, ProvisionSelection } from '../export.service';
import { DbRow } from './agreement-record.repository';

type Builder = Knex.QueryBuilder;

/**
 * The columns of the provision export that the database writes, on the provision `p` and its agreement `g`, in the
 * export's order: the head, then `article_label` (`articleCellLabel`, which the service writes: a rule in
 * JavaScript), then the tail, then `url` (an address the service writes, encoded as the explorer's links are).
 */
export const PROVISION_LINE_HEAD: readonly LineCell[] = [
  { name: 'agreement_slug', columns: ['g.slug'] },
  { name: 'pinpoint', columns: ['g.slug', 'p.key'], separator: '/' },
  { name: 'location', columns: ['p.location'] },
  { name: 'chapter_number', columns: ['p.chapter_number'] },
  { name: 'chapter_title', columns: ['p.chapter_title'] },
  { name: 'article_number', columns: ['p.article_number'] },
];

/** The database's columns of the provision export after `article_label` (PROVISION_LINE_HEAD). */
export const PROVISION_LINE_TAIL: readonly LineCell[] = [
  { name: 'article_title', columns: ['p.article_title'] },
  { name: 'position', columns: ['p.position'], integer: true },
  { name: 'language', columns: ['p.language'] },
  { name: 'external_id', columns: ['p.external_id'], prefix: 'tota:' },
  { name: 'summary', columns: ['p.summary'] },
  { name: 'text', columns: ['p.text'] },
];

/**
 * A provision row of the export as the database writes it: `line` holds the cells of PROVISION_LINE_HEAD, each
 * followed by `,` (CSV), or a JSON object opened with `{` and left open after its last member's `,`; `rest` those of
 * PROVISION_LINE_TAIL likewise (JSON: members only); the service writes the article's label between them, then the
 * url and the end. SQLite hands both over as bytes, PostgreSQL as text.
 */
export interface ProvisionLine {
  line: Buffer | string;
  rest: Buffer | string;
  article_number: string | null;
  slug: string;
  key: string;
  /** Not null where its agreement numbers its language's articles per chapter (`joinNumberedPerChapter`). */
  numbered_per_chapter: number | null;
  chapter_number: string | null;
  chapter_title: string | null;
}

/** The conditions of a ProvisionSelection on `provision` under `p`. */
function whereProvisions(qb: Builder, selection: ProvisionSelection | undefined): Builder {
  if (!selection) return qb;
  if (selection.locations) qb.whereIn('p.location', selection.locations);
  if (selection.languages) qb.whereIn('p.language', selection.languages);
  return qb.where(annotationMatch(selection.annotations, 'p.id', 'provision'));
}

/** The conditions of an AnnotationSelection on `annotation` under `n` (a missing list allows all). */
function whereAnnotations(qb: Builder, selection: AnnotationSelection | undefined): Builder {
  if (!selection) return qb;
  const lists: [string, string[] | undefined][] = [
    ['code', selection.codes],
    ['status', selection.statuses],
    ['origin', selection.origins],
    ['binding_force', selection.bindingForces],
  ];
  for (const [column, values] of lists) if (values) qb.whereIn(`n.${column}`, values);
  return qb;
}

/**
 * The statements of the exports (CSV and JSON rows of agreements, provisions and annotations): plain rows, no
 * entities, a page of agreements at a time, built with MikroORM's Knex. Whole records are read by
 * AgreementRecordRepository.
 */
export class ExportRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex(): Knex {
    return this.em.getKnex();
  }

  private rows<T = DbRow>(query: Builder): Promise<T[]> {
    return rowsOf<T>(this.em, query);
  }

  /** The ids of the agreements an AgreementFilter selects, in id order (BAD_USER_INPUT for a bad filter). */
  async agreementIds(filter: AgreementFilter): Promise<number[]> {
    const query = this.knex
      .select('a.id')
      .from({ a: 'agreement' })
      .where(agreementWhere(filter, 'a', 'filter'))
      .orderBy('a.id');
    const rows = await this.rows<{ id: number }>(query);
    return rows.map((r) => Number(r.id));
  }

  /** The `agreement` rows of some agreements, by id. */
  async agreementFacts(ids: number[]): Promise<Map<number, DbRow>> {
    const rows = await this.rows(this.knex.select('*').from('agreement').whereIn('id', ids));
    return new Map(rows.map((r) => [Number(r.id), r]));
  }

  /** The types of each agreement, in type order. */
  typesPerAgreement(ids: number[]): Promise<Map<number, string[]>> {
    return this.listedPerAgreement('agreement_type', 'type', 'type', ids);
  }

  /** Values of `column` per agreement, in the order of `order` (a list column of the agreement CSV). */
  private async listedPerAgreement(
    table: string,
    column: string,
    order: string,
    ids: number[],
  ): Promise<Map<number, string[]>> {
    const rows = await this.rows(
      this.knex
        .select('agreement_id', { value: column })
        .from(table)
        .whereIn('agreement_id', ids)
        .orderBy(order),
    );
    const byAgreement = new Map<number, string[]>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      const values = byAgreement.get(id);
      if (values) values.push(r.value as string);
      else byAgreement.set(id, [r.value as string]);
    }
    return byAgreement;
  }

  /** The number of provisions and annotations of each agreement (`provisions`, `annotations`), by id. */
  async counts(ids: number[]): Promise<Map<number, DbRow>> {
    const counts = await this.rows(
      this.knex
        .select('p.agreement_id')
        .countDistinct({ provisions: 'p.id' })
        .count({ annotations: 'n.id' })
        .from({ p: 'provision' })
        .leftJoin({ n: 'annotation' }, 'n.provision_id', 'p.id')
        .whereIn('p.agreement_id', ids)
        .groupBy('p.agreement_id'),
    );
    return new Map(counts.map((c) => [Number(c.agreement_id), c]));
  }

  /**
   * The taxonomy codes of some agreements' annotations that are not rejected, each once per status (ACCEPTED,
   * PROPOSED): which codes a reviewer has accepted, and which the agreement has only in proposals.
   */
  async codeStatuses(ids: number[]): Promise<Map<number, { code: string; status: string }[]>> {
    const rows = await this.rows(
      this.knex
        .distinct('p.agreement_id', 'n.code', 'n.status')
        .from({ n: 'annotation' })
        .join({ p: 'provision' }, 'p.id', 'n.provision_id')
        .whereIn('p.agreement_id', ids)
        .whereIn('n.status', ['ACCEPTED', 'PROPOSED']),
    );
    const byAgreement = new Map<number, { code: string; status: string }[]>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      if (!byAgreement.has(id)) byAgreement.set(id, []);
      byAgreement.get(id)!.push({ code: String(r.code), status: String(r.status) });
    }
    return byAgreement;
  }

  /**
   * The selected annotations of some agreements with their provision's columns (and `numbered_per_chapter`,
   * `joinNumberedPerChapter`), provisions in record order.
   */
  annotationRows(ids: number[], selection: ExportSelection): Promise<DbRow[]> {
    const query = this.knex
      .select(
        ...[
          'agreement_id',
          'key',
          'location',
          'article_number',
          'article_title',
          'external_id',
          'language',
          'chapter_number',
          'chapter_title',
        ].map((c) => `p.${c}`),
        ...[
          'code',
          'detail',
          'binding_force',
          'confidence',
          'status',
          'origin',
          'rule_id',
          'evidence_start',
          'evidence_end',
          'evidence_quote',
        ].map((c) => `n.${c}`),
      )
      .from({ n: 'annotation' })
      .join({ p: 'provision' }, 'p.id', 'n.provision_id')
      .whereIn('p.agreement_id', ids);
    joinNumberedPerChapter(query, this.knex, ids, 'p');
    whereProvisions(query, selection.provisions);
    whereAnnotations(query, selection.annotations);
    return this.rows(query.orderBy(['p.agreement_id', 'p.position', 'p.id', 'n.id']));
  }

  /** The selected provisions of some agreements as lines of CSV or JSON (ProvisionLine), in record order. */
  provisionLines(
    ids: number[],
    selection: ExportSelection,
    format: 'csv' | 'json',
  ): Promise<ProvisionLine[]> {
    const lineSql = engineOf(this.em).lineSql;
    const head = selectLine(this.knex.queryBuilder(), lineSql, format, PROVISION_LINE_HEAD, 'line');
    const query = selectLine(head, lineSql, format, PROVISION_LINE_TAIL, 'rest', true)
      .select('g.slug', 'p.key', 'p.article_number', 'p.chapter_number', 'p.chapter_title')
      .from({ p: 'provision' })
      .join({ g: 'agreement' }, 'g.id', 'p.agreement_id')
      .whereIn('p.agreement_id', ids);
    joinNumberedPerChapter(query, this.knex, ids, 'p');
    whereProvisions(query, selection.provisions);
    return this.rows<ProvisionLine>(query.orderBy(['p.agreement_id', 'p.position', 'p.id']));
  }
}
