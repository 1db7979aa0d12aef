import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ApiKeysService } from '../api-keys.service';
import { Role } from '../role.enum';
import { CLI_COMMANDS } from '../../cli-commands';

@SubCommand({ name: 'create', description: 'Create a key; it is printed once and stored only as a hash' })
export class KeysCreateCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async run(_args: string[], options: { name?: string; role?: string }): Promise<void> {
    const role = options.role?.toUpperCase() as Role;
    if (!options.name || !Object.values(Role).includes(role)) {
      console.error(`keys create: --name <who> and --role <${Object.values(Role).join('|')}> are required`);
      process.exitCode = 2;
      return;
    }
    const { key, apiKey } = await this.keys.create(options.name, role);
    console.log(
      `Created key ${apiKey.id} for ${apiKey.name} (${apiKey.role}). Send it as "Authorization: Bearer <key>".`,
    );
    console.log('It is shown only now; store it safely:');
    console.log(key);
  }

  @Option({ flags: '--name <who>', description: 'who holds the key' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: Object.values(Role).join(', ') })
  parseRole(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'list', description: 'List the keys (never their secrets)' })
export class KeysListCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async run(): Promise<void> {
    const rows = await this.keys.list();
    if (!rows.length) console.log('No API keys yet: keys create --name <who> --role <role>');
    for (const k of rows) {
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
      console.log(
        `${String(k.id).padStart(4)}  ${k.role.padEnd(9)}  ${k.keyPrefix}…  ${k.name}  (created ${k.createdAt.toISOString()}, ${state})`,
      );
    }
  }
}

/** The highest key id: PostgreSQL's `integer`, GraphQL's `Int` (`actorKeyId`). */
const MAX_KEY_ID = 2_147_483_647;

/**
 * A key id as `keys list` prints it, else undefined. `Number` read "1e3" as key 1000, "0x1", "0b1" and "1.0" as key 1
 * (revoking a key nobody named), "" as 0, 2^53 + 1 as 2^53, and "12abc" as NaN, which reached the SQL.
 */
export function parseKeyId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_KEY_ID ? id : undefined;
}

@SubCommand({
  name: 'revoke',
  arguments: '<id>',
  description: 'Revoke a key: a running server refuses it within API_KEY_KEPT_MS (5 s)',
})
export class KeysRevokeCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async run([id]: string[]): Promise<void> {
    const keyId = parseKeyId(id);
    if (keyId === undefined) {
      console.error(
        `keys revoke: the key's id is a number of plain digits from 1 to ${MAX_KEY_ID}, as \`keys list\` shows it (got ${JSON.stringify(id)})`,
      );
      process.exitCode = 2;
      return;
    }
    const apiKey = await this.keys.revoke(keyId);
    console.log(`Key ${apiKey.id} (${apiKey.name}) is revoked.`);
  }
}

@Command({ ...CLI_COMMANDS.keys, subCommands: [KeysCreateCommand, KeysListCommand, KeysRevokeCommand] })
export class KeysCommand extends CommandRunner {
  async run(): Promise<void> {
    console.error('keys: create, list or revoke (npm run cli -- keys --help)');
    process.exitCode = 2;
  }
}
