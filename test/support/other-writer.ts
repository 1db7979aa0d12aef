import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { databaseUnavailable } from '../../src/common/database-unavailable';
import { TimeoutError } from '../../src/common/errors';
import { RequestBudget, runWithBudget } from '../../src/common/request-budget';

/**
 * Another process's write, as the server writes beside an import: a transaction that tries for the writer until
 * shortly before its request's deadline (`budgetMs` away), sent `delayMs` after the call (a waiting write tries at
 * least every 100 ms). Resolves true when taken, false when refused as the database being busy or when it queued
 * behind this ORM's earlier tries past its budget.
 */
export async function tryOtherWrite(other: MikroORM, budgetMs = 400, delayMs = 50): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  try {
    await runWithBudget(new RequestBudget(budgetMs), () =>
      (other.em.fork() as EntityManager).transactional((otx) =>
        otx
          .getConnection()
          .execute(
            "update party set name = name || '.' where code = 'CAN'",
            [],
            'run',
            otx.getTransactionContext(),
          ),
      ),
    );
    return true;
  } catch (error) {
    if (databaseUnavailable(error) || error instanceof TimeoutError) return false;
    throw error;
  }
}

/**
 * Makes each record's write of an import last `ms` longer (a stand-in for a corpus-size file's long writes), so
 * that the import holds the writer while another process tries. Restore it with the spy's `mockRestore()`.
 */
export async function slowRecordWrites(ms: number) {
  const { AgreementRecordWriter } = await import('../../src/ingest/agreement-record.writer');
  const real = AgreementRecordWriter.prototype.writeRecord;
  return jest.spyOn(AgreementRecordWriter.prototype, 'writeRecord').mockImplementation(async function (
    this: InstanceType<typeof AgreementRecordWriter>,
    ...args
  ) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return real.apply(this, args);
  });
}
