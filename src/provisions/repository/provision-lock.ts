import { EntityManager } from '@mikro-orm/knex';
import { from, writeInTransaction } from '../../common/sql';

/**
 * Locks a provision's row until the transaction `tx` ends (an update that changes nothing: PostgreSQL's row lock,
 * SQLite's writer lock), so that writes that check what the provision holds before adding to it take turns: eight
 * identical createAnnotation sent at the same moment each saw the others' annotation missing, and made eight.
 */
export async function lockProvision(tx: EntityManager, id: number): Promise<void> {
  await writeInTransaction(tx, from(tx, 'provision').update({ id }).where('id', id));
}
