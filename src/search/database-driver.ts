import { EntityManager } from '@mikro-orm/knex';
import { DatabaseDriver } from '../config';

/** Which of the two supported databases this entity manager talks to. */
export function databaseDriver(em: EntityManager): DatabaseDriver {
  return em.getPlatform().constructor.name.startsWith('PostgreSql') ? 'postgresql' : 'sqlite';
}
