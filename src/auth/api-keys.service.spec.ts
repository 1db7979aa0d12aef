import type { MikroORM } from '@mikro-orm/core';
import { ApiKeysService, hashKey } from './api-keys.service';
import { Role } from './role.enum';

describe('ApiKeysService.create', () => {
  // Refused before the database is touched: no ORM is needed.
  const keys = new ApiKeysService(null as unknown as MikroORM);

  it.each([
    ['an escape sequence', 'evil\u001b[31m', /--name must not contain control.*U\+001B/],
    ['a bidirectional override', 'Rita \u202e(reviewer)', /--name must not contain .*U\+202E/],
    ['a name of 100,000 characters', 'x'.repeat(100_000), /--name has 100,000 characters; .* 2,000 at most/],
    ['a blank name', '   ', /--name must not be empty/],
  ])('refuses %s as a key name', async (_, name, message) => {
    await expect(keys.create(name, Role.READER)).rejects.toThrow(message);
  });
});

describe('ApiKeysService.identify keeps the keys it read (API_KEY_KEPT_MS)', () => {
  interface Row {
    id: number;
    name: string;
    role: Role;
    keyHash: string;
    revokedAt: Date | null;
  }
  const token = 'ct_secret';
  let row: Row;
  let reads: number;
  /** When set, the next read waits for this promise before answering (a read in flight). */
  let gate: Promise<void> | null;
  const orm = {
    em: {
      fork: () => ({
        async findOne(_entity: unknown, where: { keyHash?: string; id?: number }) {
          reads++;
          const answer = where.id === row.id || where.keyHash === row.keyHash ? { ...row } : null;
          if (gate) await gate;
          return answer;
        },
        async flush() {
          // revoke() sets revokedAt on the entity it read; the "database" takes it here
        },
      }),
    },
  };
  let keys: ApiKeysService;
  const saved = process.env.API_KEY_KEPT_MS;

  beforeEach(() => {
    row = { id: 7, name: 'rita', role: Role.ANNOTATOR, keyHash: hashKey(token), revokedAt: null };
    reads = 0;
    gate = null;
    keys = new ApiKeysService(orm as unknown as MikroORM);
    // the fake's flush cannot see the entity: revoke() below writes the row's state by hand
    const revoke = keys.revoke.bind(keys);
    keys.revoke = async (id) => {
      const apiKey = await revoke(id);
      row.revokedAt = apiKey.revokedAt;
      return apiKey;
    };
    process.env.API_KEY_KEPT_MS = '60000';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.API_KEY_KEPT_MS;
    else process.env.API_KEY_KEPT_MS = saved;
  });

  it('reads a key once within the time, and again after it', async () => {
    expect(await keys.identify(token)).toEqual({ keyId: 7, name: 'rita', role: Role.ANNOTATOR });
    await keys.identify(token);
    expect(reads).toBe(1);
    process.env.API_KEY_KEPT_MS = '0';
    const fresh = new ApiKeysService(orm as unknown as MikroORM);
    await fresh.identify(token);
    await fresh.identify(token);
    expect(reads).toBe(3);
  });

  it('refuses a key this process revoked at once, and for good', async () => {
    await keys.identify(token);
    await keys.revoke(7);
    await expect(keys.identify(token)).rejects.toThrow('this API key has been revoked');
    await expect(keys.identify(token)).rejects.toThrow('this API key has been revoked');
  });

  it('refuses a key revoked elsewhere once the time is over', async () => {
    process.env.API_KEY_KEPT_MS = '50';
    await keys.identify(token);
    row.revokedAt = new Date(); // `keys revoke` from the command line: another process
    await new Promise((r) => setTimeout(r, 80));
    await expect(keys.identify(token)).rejects.toThrow('this API key has been revoked');
  });

  it('keeps no unknown key: a key made elsewhere works at once', async () => {
    const other = 'ct_other';
    await expect(keys.identify(other)).rejects.toThrow('unknown API key');
    row.keyHash = hashKey(other);
    expect((await keys.identify(other)).keyId).toBe(7);
  });

  it('does not keep a read that was in flight while this process revoked the key', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const inFlight = keys.identify(token); // reads the key before the revocation commits
    gate = null;
    await keys.revoke(7);
    open();
    await inFlight; // it answered what it read
    await expect(keys.identify(token)).rejects.toThrow('this API key has been revoked');
  });
});
