import {
  ConnectionException,
  LockWaitTimeoutException,
  SyntaxErrorException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { databaseUnavailable } from './database-unavailable';
import { ErrorCode } from './errors';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('databaseUnavailable', () => {
  it('recognises a database that cannot serve now, through the causes too', () => {
    for (const error of [
      new ConnectionException(new Error('SQLITE_CANTOPEN: unable to open database file')),
      new LockWaitTimeoutException(new Error('SQLITE_BUSY: database is locked')),
      coded('update `provision` set `key` = ? - SQLITE_BUSY: database is locked', 'SQLITE_BUSY'),
      coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      coded('terminating connection due to administrator command', '57P01'),
      coded('sorry, too many clients already', '53300'),
      coded('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
      new Error('wrapped', { cause: coded('read ECONNRESET', 'ECONNRESET') }),
    ])
      expect({ error: error.message, code: databaseUnavailable(error)?.code }).toEqual({
        error: error.message,
        code: ErrorCode.SERVICE_UNAVAILABLE,
      });
  });

  it('leaves every other failure alone (a fault of ours or a refusal of the data)', () => {
    for (const error of [
      new UniqueConstraintViolationException(new Error('UNIQUE constraint failed: agreement.slug')),
      new SyntaxErrorException(new Error('near "selec": syntax error')),
      coded('duplicate key value violates unique constraint', '23505'),
      new Error('no such column: agreement.nothing'),
      'a string',
      null,
    ])
      expect(databaseUnavailable(error)).toBeNull();
  });
});
