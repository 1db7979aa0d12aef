import { Client } from 'pg';

/**
 * Drops and creates `name` on the server of `serverUrl` (as a copy of `template` when given); returns the new
 * database's URL.
 */
export async function recreatePostgresDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  for (const n of [name, template ?? name])
    if (!/^[a-z0-9_]+$/.test(n)) throw new Error(`bad database name ${n}`);
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
