import { EntityManager } from '@mikro-orm/knex';
import { insertRows } from '../../repository/provision-index.repository';
import { bandKeyToken } from '../../sync/provision-index-rows';
import { ProvisionBands } from '../search-dialect';

/** SQLite: the band keys are the tokens (base 36) of an FTS5 table whose rowid is the provision id. */
export async function sqliteBandCandidates(em: EntityManager, bandKeys: number[]): Promise<number[]> {
  if (!bandKeys.length) return [];
  const match = [...new Set(bandKeys)].map((key) => `"${bandKeyToken(key)}"`).join(' OR ');
  const rows = await em.execute<{ id: number }[]>(
    'select "rowid" as "id" from "provision_band" where "provision_band" match ?',
    [match],
  );
  return rows.map((row) => Number(row.id));
}

/** One FTS5 row per provision whose tokens are its band keys (a trigger on provision_signature empties it). */
export function sqliteWriteBands(em: EntityManager, bands: ProvisionBands[]): Promise<void> {
  const rows = bands.map(([id, keys]) => [id, keys.map(bandKeyToken).join(' ')]);
  return insertRows(em, 'provision_band', ['rowid', 'band_keys'], rows);
}
