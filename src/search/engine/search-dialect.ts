import { Platform } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { DatabaseDriver } from '../../config';
import { AllRows } from './deadline';
import { FullTextSql } from './search-sql';

/**
 * The tables search owns beside the entities' (full-text and band indexes and their engine's shadow tables),
 * created by search's migrations: the schema comparison of `migration:create` leaves them alone.
 */
export const SEARCH_OWNED_TABLES = /^provision_(search|signature|band|fts)/;

/** A provision's LSH band keys (see provision-index-rows.ts fingerprint). */
export type ProvisionBands = [provisionId: number, bandKeys: number[]];

/**
 * Everything search needs that differs between database engines, one implementation per engine in a folder of
 * its own (`engine/<driver>/`), registered in `engine/dialects.ts`. The rest of search is engine-neutral.
 */
export interface SearchDialect {
  /** The driver name, as DATABASE_URL and database/orm-options.ts call it. */
  readonly driver: DatabaseDriver;
  /** Whether an entity manager on this platform talks to this engine. */
  handles(platform: Platform): boolean;

  /** Full text: how the engine's full-text index enters the search statements (search-sql.ts). */
  readonly fullText: FullTextSql;

  /**
   * Deadlines: runs `work` on one connection; statements still running after `limitMs` are interrupted and
   * fail with SearchTimeoutError.
   */
  withDeadline<T>(em: EntityManager, limitMs: number, work: (all: AllRows) => Promise<T>): Promise<T>;

  /** Band keys: the provisions that share at least one of these LSH band keys. */
  bandCandidates(em: EntityManager, bandKeys: number[]): Promise<number[]>;
  /** Band keys: stores the band keys of these provisions (their previous rows already removed). */
  writeBands(em: EntityManager, bands: ProvisionBands[]): Promise<void>;
  /**
   * The tables holding a provision's index rows (keyed by `provision_id`) that a refresh empties first; a table
   * the engine empties itself (a trigger) is not listed.
   */
  readonly indexTables: readonly string[];
}
