import { EntityManager } from '@mikro-orm/knex';
import { from, writeInTransaction } from '../../common/sql';
import { visibleAgreement } from '../../agreements/repository/agreement-visibility';

/**
 * Locks the provision `key` of the agreement `slug` until the transaction `tx` ends (an update that changes nothing:
 * PostgreSQL's row lock, SQLite's writer lock), so that writes that check what the provision holds before adding to
 * it take turns: eight identical createAnnotation sent at the same moment each saw the others' annotation missing,
 * and made eight. By the provision's natural key, so that the write reads the provision (with what it holds) after
 * the lock, in one statement: on PostgreSQL a statement begun before the lock was granted would not see what the
 * request it waited for committed. No provision there: nothing is locked (the read that follows finds none).
 */
export async function lockProvision(tx: EntityManager, slug: string, key: string): Promise<void> {
  await writeInTransaction(
    tx,
    from(tx, 'provision')
      .update({ key })
      .where('key', key)
      .whereIn(
        'agreement_id',
        from(tx, 'agreement as a').select('a.id').where('a.slug', slug).where(visibleAgreement('a')),
      ),
  );
}
