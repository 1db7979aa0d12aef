import { SqlCondition } from '../../common/sql';

/** Runs one statement and returns its rows. */
export type AllRows = <T>(statement: SqlCondition) => Promise<T[]>;
