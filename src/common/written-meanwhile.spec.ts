import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ErrorCode } from './errors';
import { writtenMeanwhile } from './written-meanwhile';

describe('writtenMeanwhile', () => {
  it("says a PostgreSQL unique violation as the row another write made, without the driver's SQL", () => {
    const pg = Object.assign(
      new Error(
        'insert into "provision" ("agreement_id", "key") values (12, \'art-1\') - duplicate key value',
      ),
      { code: '23505', table: 'provision', detail: 'Key (agreement_id, key)=(12, art-1) already exists.' },
    );
    const refusal = writtenMeanwhile(new UniqueConstraintViolationException(pg));
    expect(refusal?.code).toBe(ErrorCode.CONFLICT);
    expect(refusal?.message).toBe(
      'another write (a request or an import) made a provision with the same agreement and key "art-1" at the same moment; nothing of this one was written: try again (it will find the other\'s)',
    );
    expect(refusal?.details).toEqual({ refusal: 'changed' });
  });

  it('names a row another column refers to by what it is, never by its internal id', () => {
    const pg = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      table: 'agreement_party',
      detail: 'Key (agreement_id, party_id)=(12, 45) already exists.',
    });
    const message = writtenMeanwhile(pg)?.message ?? '';
    expect(message).toMatch(
      /^another write \(a request or an import\) made an agreement party with the same agreement and party at/,
    );
    expect(message).not.toMatch(/12|45|_id/);
  });

  it("says SQLite's in its words, and finds it as a cause", () => {
    const sqlite = Object.assign(
      new Error('insert into `agreement` ... - SQLITE_CONSTRAINT: UNIQUE constraint failed: agreement.slug'),
      { code: 'SQLITE_CONSTRAINT' },
    );
    expect(writtenMeanwhile(new Error('wrapped', { cause: sqlite }))?.message).toMatch(
      /^another write \(a request or an import\) made an agreement with the same slug at the same moment/,
    );
  });

  it('leaves other constraints and errors alone (a fault of the service, not a race)', () => {
    const notNull = Object.assign(
      new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed: agreement.title'),
      {
        code: 'SQLITE_CONSTRAINT',
      },
    );
    const foreignKey = Object.assign(new Error('violates foreign key constraint'), { code: '23503' });
    expect(writtenMeanwhile(notNull)).toBeNull();
    expect(writtenMeanwhile(foreignKey)).toBeNull();
    expect(writtenMeanwhile(new Error('x'))).toBeNull();
    expect(writtenMeanwhile('text')).toBeNull();
  });
});
