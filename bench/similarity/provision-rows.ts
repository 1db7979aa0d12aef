import { RawSqlite } from '../search/raw-sqlite';

/** A provision as the family studies read it: its pinpoint, and its text or else its summary. */
export interface ProvisionRow {
  id: number;
  agreement_id: number;
  pin: string;
  text: string | null;
  summary: string | null;
}

/** Every provision of an imported corpus file, in id order. */
export async function readProvisionRows(file: string): Promise<ProvisionRow[]> {
  const db = await RawSqlite.open(file);
  try {
    return await db.all<ProvisionRow>(
      `select p.id, p.agreement_id, a.slug || '/' || p.key as pin, p.text, p.summary
       from provision p join agreement a on a.id = p.agreement_id order by p.id`,
    );
  } finally {
    await db.close();
  }
}
