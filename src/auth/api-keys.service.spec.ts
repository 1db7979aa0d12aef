import type { MikroORM } from '@mikro-orm/core';
import { ApiKeysService } from './api-keys.service';
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
