import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementStatus, AgreementKind, SourceKind } from '../agreements/agreement.enums';
import { Provision } from '../provisions/provision.entity';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { propertiesFor, readEntities, rowMapper } from './row-mapper';
import { openMigratedSqlite } from '../../test/support/migrated-sqlite';

describe('rowMapper', () => {
  let db: Awaited<ReturnType<typeof openMigratedSqlite>>;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await openMigratedSqlite('row-mapper');
    orm = db.orm;
  });
  afterAll(async () => {
    await db.close();
  });

  it('reads rows as the ORM would hydrate them: names, JSON, dates, booleans and references', async () => {
    const em = orm.em.fork() as EntityManager;
    const agreement = em.create(Agreement, {
      slug: 'a-b',
      title: 'A',
      kind: AgreementKind.BILATERAL,
      status: AgreementStatus.SIGNED,
      dateSigned: '2020-01-02',
      sources: [{ url: 'https://example.org', language: 'en', kind: SourceKind.OFFICIAL_TEXT }],
      regions: ['Europe'],
    });
    em.create(Provision, { agreement, key: 'art-1', location: ProvisionLocation.OPERATIVE, text: 'x' });
    await em.flush();
    const hydrated = await orm.em.fork().findOneOrFail(Agreement, { slug: 'a-b' });
    const [mapped] = await readEntities(em, Agreement, 'by slug', ['a-b'], (qb, [slug]) =>
      qb.where('slug', slug),
    );
    expect(mapped).toBeInstanceOf(Agreement);
    for (const key of [
      'id',
      'slug',
      'dateSigned',
      'sources',
      'regions',
      'createdAt',
      'version',
      'archivedAt',
      'externalIds',
    ] as const) {
      expect({ key, value: mapped[key] }).toEqual({ key, value: hydrated[key] });
    }
    const [provision] = await readEntities(em, Provision, 'all', [], () => {});
    expect(provision.agreement.id).toBe(hydrated.id);
    expect(rowMapper(em, Provision)).toBe(rowMapper(em, Provision));
  });

  it('parses a JSON column only when its property is first read, once, and lets it be assigned', () => {
    const em = orm.em.fork() as EntityManager;
    const map = rowMapper(em, Agreement);
    const row = { id: 7, slug: 's', sources: '[{"url":"https://example.org"}]', regions: '["Asia"]' };
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const agreement = map(row);
      expect(parse).not.toHaveBeenCalled();
      expect(agreement.slug).toBe('s');
      const sources = agreement.sources;
      expect(sources).toEqual([{ url: 'https://example.org' }]);
      expect(agreement.sources).toBe(sources);
      expect(parse).toHaveBeenCalledTimes(1);
      expect(Object.keys(agreement)).toContain('sources');
      agreement.regions = ['Europe'];
      expect(agreement.regions).toEqual(['Europe']);
      expect(parse).toHaveBeenCalledTimes(1);
      // Another instance of the same mapper is not affected.
      expect(map(row).regions).toEqual(['Asia']);
    } finally {
      parse.mockRestore();
    }
  });

  it('maps only the properties a read selected; reading another throws, assigning it works', () => {
    const em = orm.em.fork() as EntityManager;
    const map = rowMapper(em, Agreement, '', ['id', 'slug']);
    const agreement = map({ id: 7, slug: 's', title: 'not read' });
    expect(agreement).toBeInstanceOf(Agreement);
    expect(agreement.slug).toBe('s');
    expect(() => agreement.title).toThrow('Agreement.title was not selected');
    expect(() => agreement.sources).toThrow('Agreement.sources was not selected');
    agreement.title = 'T';
    expect(agreement.title).toBe('T');
    expect(rowMapper(em, Agreement)({ id: 7, slug: 's', title: 'read' }).title).toBe('read');
  });

  it('names the properties a selection reads: its columns, what resolved fields need, the key; all for an unknown field', () => {
    const em = orm.em.fork() as EntityManager;
    const needs = { pinpoint: ['key'] };
    expect(propertiesFor(em, Provision, new Set(['__typename', 'articleNumber', 'pinpoint']), needs)).toEqual(
      expect.arrayContaining(['id', 'articleNumber', 'key']),
    );
    expect(propertiesFor(em, Provision, new Set(['articleNumber', 'pinpoint']), needs)).toHaveLength(3);
    expect(
      propertiesFor(em, Provision, new Set(['articleNumber', 'unknownResolvedField']), needs),
    ).toBeNull();
  });
});
