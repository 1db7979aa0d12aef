import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export /** The `local/no-raw-sql` messages ESLint gives each snippet (or file, without code), linted at `path`. */
function rawSqlMessages(cases: { path: string; code?: string }[]): string[][] {
  // ESLint loads its (ESM) config with import(), which Jest's sandbox does not offer: lint in a child process.
  const script = `
    import { ESLint } from 'eslint';
    import { readFileSync } from 'node:fs';
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const c of JSON.parse(process.env.CASES)) {
      const code = c.code ?? readFileSync(c.path, 'utf8');
      const [result] = await eslint.lintText(code, { filePath: c.path });
      out.push(result.messages.filter((m) => m.ruleId === 'local/no-raw-sql').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, CASES: JSON.stringify(cases.map((c) => ({ ...c, path: join(ROOT, c.path) }))) },
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}
