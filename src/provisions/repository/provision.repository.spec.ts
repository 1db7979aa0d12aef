import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../../agreements/agreement.entity';
import { AgreementKind, AgreementStatus } from '../../agreements/agreement.enums';
import { Provision } from '../provision.entity';
import { ProvisionLocation } from '../provision-location.enum';
import { ProvisionRepository } from './provision.repository';
import { openMigratedSqlite } from '../../../test/support/migrated-sqlite';

/** An article: its number, its chapter's number and title, its language. */
type Article = [
  number: string,
  chapterNumber: string | null,
  chapterTitle: string | null,
  language: string | null,
];

/**
 * The rule of per-chapter numbering (`numberedPerChapter`) as the database reads it; the same rule on PostgreSQL is
 * checked through GraphQL and the exports by article-numbers.e2e-part.ts.
 */
describe('ProvisionRepository.languagesNumberedPerChapter: where the number alone names no article', () => {
  let db: Awaited<ReturnType<typeof openMigratedSqlite>>;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await openMigratedSqlite('numbered-per-chapter');
    orm = db.orm;
  });
  afterAll(() => db.close());

  let agreements = 0;
  /** The languages in which an agreement of these articles numbers its articles per chapter. */
  async function languagesOf(articles: Article[]): Promise<Set<string> | undefined> {
    const em = orm.em.fork() as EntityManager;
    const agreement = em.create(Agreement, {
      slug: `numbering-${++agreements}`,
      title: 'Numbering',
      kind: AgreementKind.BILATERAL,
      status: AgreementStatus.SIGNED,
    });
    articles.forEach(([articleNumber, chapterNumber, chapterTitle, language], i) =>
      em.create(Provision, {
        agreement,
        key: `p-${i}`,
        location: ProvisionLocation.OPERATIVE,
        position: i,
        articleNumber,
        chapterNumber,
        chapterTitle,
        language,
      }),
    );
    await em.flush();
    const perChapter = await new ProvisionRepository(em).languagesNumberedPerChapter([agreement.id]);
    return perChapter.get(agreement.id);
  }

  it('finds an agreement whose chapters each start again at Article 1 (AANZFTA: Chapters 7 and 11)', async () => {
    expect(
      await languagesOf([
        ['1', 'CHAPTER 7', null, 'en'],
        ['2', 'CHAPTER 7', null, 'en'],
        ['1', 'CHAPTER 11', null, 'en'],
      ]),
    ).toEqual(new Set(['en']));
  });

  it('not one numbered through (12.1 in Chapter 12 only), nor one number twice in one chapter', async () => {
    expect(
      await languagesOf([
        ['12.1', 'CHAPTER 12', null, 'en'],
        ['12.10', 'CHAPTER 12', null, 'en'],
        ['12.1', 'CHAPTER 12', null, 'en'],
      ]),
    ).toBeUndefined();
  });

  it('reads each language version apart, and a chapter with no number by its title', async () => {
    expect(
      await languagesOf([
        ['1', 'CHAPTER 1', null, 'en'],
        ['1', 'CAPÍTULO 1', null, 'es'],
        ['2', null, 'Commerce', 'fr'],
        ['2', null, 'Investissement', 'fr'],
      ]),
    ).toEqual(new Set(['fr']));
  });

  it('takes an article in no chapter for one of a chapter of its own; no recorded language is one version', async () => {
    expect(
      await languagesOf([
        ['1', null, null, null],
        ['1', 'CHAPTER 2', null, null],
        ['3', null, null, 'en'],
        ['3', null, null, 'en'],
      ]),
    ).toEqual(new Set(['']));
  });
});
