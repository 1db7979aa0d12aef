import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKey } from './api-key.entity';
import { Identity } from './identity';
import { Role } from './role.enum';
import { titleForm, titleProblem } from '../common/text-rules';

const KEY_PREFIX = 'ct_';

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export class InvalidApiKeyError extends Error {}

@Injectable()
export class ApiKeysService {
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
    await em.flush();
    return apiKey;
  }

  /** The identity behind a bearer token; throws InvalidApiKeyError for an unknown or revoked key. */
  async identify(token: string): Promise<Identity> {
    const em = this.orm.em.fork() as EntityManager;
    const apiKey = await em.findOne(ApiKey, { keyHash: hashKey(token) });
    if (!apiKey) throw new InvalidApiKeyError('unknown API key');
    if (apiKey.revokedAt) throw new InvalidApiKeyError('this API key has been revoked');
    return { keyId: apiKey.id, name: apiKey.name, role: apiKey.role };
  }
}
