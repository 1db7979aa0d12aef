import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKey } from './api-key.entity';
import { Identity } from './identity';
import { Role } from './role.enum';
import { BoundedCache } from '../common/bounded-cache';
import { titleForm, titleProblem } from '../common/text-rules';
import { setting } from '../config';

const KEY_PREFIX = 'ct_';

/** How many keys a process keeps (the least recently used dropped beyond: read again on its next request). */
export const KEPT_KEYS = 1_000;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export class InvalidApiKeyError extends Error {}

/** A key as last read: its identity (null once revoked: kept for good, a revocation is never undone). */
interface KeptKey {
  identity: Identity | null;
  until: number;
}

@Injectable()
export class ApiKeysService {
  /**
   * The keys read, by hash, each for API_KEY_KEPT_MS: a keyed request read its key in a statement of its own, a
   * trip to SQLite's one connection that waited the whole queue under bench:load (docs/performance-log.md, load6).
   * A key this process revokes is refused at once; one revoked by another process (`keys revoke`, another
   * instance) within API_KEY_KEPT_MS. An unknown key is not kept: a key created elsewhere works at once.
   */
  private readonly kept = new BoundedCache<string, KeptKey>(KEPT_KEYS);
  /** Counts this process's revocations: a read begun before one ended is not kept (it may predate the revocation). */
  private revocations = 0;

  constructor(private readonly orm: MikroORM) {}

  /** A new random key; the returned secret is not stored anywhere and cannot be shown again. */
  async create(name: string, role: Role): Promise<{ key: string; apiKey: ApiKey }> {
    if (!name.trim()) throw new Error('--name must not be empty');
    // A key's name is printed by `keys list` and shown in the audit trail: control characters (a terminal's escape
    // sequences), bidirectional overrides and a name of 100,000 characters were taken as given (hostile7).
    const problem = titleProblem(titleForm(name) as string);
    if (problem) throw new Error(`--name ${problem}`);
    if (!Object.values(Role).includes(role))
      throw new Error(`--role must be one of ${Object.values(Role).join(', ')}`);
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const em = this.orm.em.fork();
    const apiKey = em.create(ApiKey, {
      name: titleForm(name) as string,
      role,
      keyHash: hashKey(key),
      keyPrefix: key.slice(0, 10),
    });
    await em.flush();
    return { key, apiKey };
  }

  list(): Promise<ApiKey[]> {
    return this.orm.em.fork().find(ApiKey, {}, { orderBy: { id: 'asc' } });
  }

  async revoke(id: number): Promise<ApiKey> {
    const em = this.orm.em.fork();
    const apiKey = await em.findOne(ApiKey, { id });
    if (!apiKey) throw new Error(`no API key ${id}`);
    apiKey.revokedAt ??= new Date();
    // Counted before and after the write: a read of the key begun in between may have seen it before it committed.
    this.revocations++;
    await em.flush();
    this.revocations++;
    this.kept.set(apiKey.keyHash, { identity: null, until: Infinity });
    return apiKey;
  }

  /** The identity behind a bearer token; throws InvalidApiKeyError for an unknown or revoked key. */
  async identify(token: string): Promise<Identity> {
    const keyHash = hashKey(token);
    const kept = this.kept.get(keyHash);
    if (kept && kept.until > Date.now()) return identityOf(kept);
    const revocations = this.revocations;
    const em = this.orm.em.fork() as EntityManager;
    const apiKey = await em.findOne(ApiKey, { keyHash });
    if (!apiKey) throw new InvalidApiKeyError('unknown API key');
    const read: KeptKey = apiKey.revokedAt
      ? { identity: null, until: Infinity }
      : {
          identity: Object.freeze({ keyId: apiKey.id, name: apiKey.name, role: apiKey.role }),
          until: Date.now() + setting('API_KEY_KEPT_MS'),
        };
    if (revocations === this.revocations) this.kept.set(keyHash, read);
    return identityOf(read);
  }
}

function identityOf(kept: KeptKey): Identity {
  if (!kept.identity) throw new InvalidApiKeyError('this API key has been revoked');
  return kept.identity;
}
