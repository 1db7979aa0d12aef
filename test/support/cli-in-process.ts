import { runCli } from '../../src/cli-main';

export interface CliRun {
  /** The exit status the command set (0 when it set none). */
  status: number;
  stdout: string;
  stderr: string;
}

/** Thrown by the stand-in for `process.exit`: the command line stops there, as its process would. */
class Exited extends Error {}

/**
 * `npm run cli -- <args>` in the test's own process: the same entry (`runCli`, which `src/cli.ts` runs) on the
 * database DATABASE_URL names, with what it writes to standard output and error captured and its exit status read
 * from `process.exitCode` (then restored), or from `process.exit` where it calls it (commander does, after its
 * errors and help): nothing written after that call is kept, as nothing would be written by the process. For tests that check what a command says, not the process around it:
 * a child process costs a Node start and loading the application again (seconds of CPU each). Each command kind
 * keeps at least one test in a real child process (`RUN_TS`).
 */
export async function cliInProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const saved = {
    argv: process.argv,
    exitCode: process.exitCode,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    consoleError: console.error,
    consoleLog: console.log,
    exit: process.exit,
    env: Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]])),
  };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let exited: number | undefined;
  const collect =
    (into: Buffer[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      if (exited === undefined) into.push(Buffer.from(chunk));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    };
  const line =
    (into: Buffer[]) =>
    (...values: unknown[]): void => {
      if (exited === undefined) into.push(Buffer.from(`${values.map(String).join(' ')}\n`));
    };
  process.argv = [process.execPath, 'src/cli.ts', ...args];
  process.exitCode = undefined;
  process.stdout.write = collect(out) as typeof process.stdout.write;
  process.stderr.write = collect(err) as typeof process.stderr.write;
  console.error = line(err);
  console.log = line(out);
  process.exit = ((code?: number) => {
    exited ??= Number(code ?? process.exitCode ?? 0);
    throw new Exited(`process.exit(${exited})`);
  }) as typeof process.exit;
  Object.assign(process.env, env);
  let status: number;
  try {
    await runCli();
  } catch (error) {
    if (!(error instanceof Exited)) throw error;
  } finally {
    status = exited ?? Number(process.exitCode ?? 0);
    process.argv = saved.argv;
    process.exitCode = saved.exitCode;
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    console.error = saved.consoleError;
    console.log = saved.consoleLog;
    process.exit = saved.exit;
    for (const [name, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
