import { EntityManager } from '@mikro-orm/knex';
import { inList } from '../../../common/sql';
import { ProvisionBands } from '../search-dialect';

const BANDS_PER_INSERT = 5000;

/** PostgreSQL: a (band_key, provision_id) table. */
export async function postgresBandCandidates(em: EntityManager, bandKeys: number[]): Promise<number[]> {
  if (!bandKeys.length) return [];
  const keys = inList([...new Set(bandKeys)]);
  const rows = await em.execute<{ id: number }[]>(
    `select distinct "provision_id" as "id" from "provision_band" where "band_key" in ${keys.sql}`,
    keys.params,
  );
  return rows.map((row) => Number(row.id));
}

/**
 * One (band_key, provision_id) row per band, sent as one JSON array per statement (far cheaper than two
 * parameters per row).
 */
export async function postgresWriteBands(em: EntityManager, bands: ProvisionBands[]): Promise<void> {
  const pairs = bands.flatMap(([id, keys]) => [...new Set(keys)].map((key) => [key, id]));
  for (let start = 0; start < pairs.length; start += BANDS_PER_INSERT) {
    const chunk = pairs.slice(start, start + BANDS_PER_INSERT);
    await em.execute(
      `insert into "provision_band" ("band_key", "provision_id")
       select (e ->> 0)::bigint, (e ->> 1)::int from jsonb_array_elements(?::jsonb) e`,
      [JSON.stringify(chunk)],
      'run',
    );
  }
}
