import { EntityManager } from '@mikro-orm/knex';
import { inList } from '../../common/sql';
import { bandKeyToken } from '../sync/provision-index-rows';

/** Finds the provisions that share at least one LSH band key with a signature: one implementation per driver. */
export interface SimilarityIndex {
  candidates(bandKeys: number[]): Promise<number[]>;
}

export const SIMILARITY_INDEX = Symbol('SimilarityIndex');

/** SQLite: the band keys are the tokens of an FTS5 table whose rowid is the provision id. */
export class SqliteSimilarityIndex implements SimilarityIndex {
  constructor(private readonly em: EntityManager) {}

  async candidates(bandKeys: number[]): Promise<number[]> {
    if (!bandKeys.length) return [];
    const match = [...new Set(bandKeys)].map((key) => `"${bandKeyToken(key)}"`).join(' OR ');
    const rows = await this.em.execute<{ id: number }[]>(
      'select "rowid" as "id" from "provision_band" where "provision_band" match ?',
      [match],
    );
    return rows.map((row) => Number(row.id));
  }
}

/** PostgreSQL: a (band_key, provision_id) table. */
export class PostgresSimilarityIndex implements SimilarityIndex {
  constructor(private readonly em: EntityManager) {}

  async candidates(bandKeys: number[]): Promise<number[]> {
    if (!bandKeys.length) return [];
    const keys = inList([...new Set(bandKeys)]);
    const rows = await this.em.execute<{ id: number }[]>(
      `select distinct "provision_id" as "id" from "provision_band" where "band_key" in ${keys.sql}`,
      keys.params,
    );
    return rows.map((row) => Number(row.id));
  }
}
