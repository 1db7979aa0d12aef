// What the api benches share about the server process they start and measure.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';

/** Node's flags of `npm start` (the `--` arguments of its script), so a bench runs the server as users do. */
export const startArgs: string[] = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .filter((arg) => arg.startsWith('--'));

/**
 * CPU milliseconds a process and its child processes (a group's server processes, `SERVER_PROCESSES`) have used so
 * far (user and system); a child that has exited is no longer counted.
 */
export function cpuMsOf(pid: number): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th (in clock ticks, 100 a second).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const own = (Number(fields[11]) + Number(fields[12])) * 10;
  return childPids(pid).reduce((sum, child) => {
    try {
      return sum + cpuMsOf(child);
    } catch {
      return sum; // exited between the listing and the read (a server process being replaced)
    }
  }, own);
}

/** The pids of a process's children (those its main thread started). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The server once it says it listens; its request log is then read and dropped, as `bench:api` does. */
export function listening(child: ChildProcess, main: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${main} exited with ${code}`)));
    let out = '';
    const listen = (chunk: Buffer) => {
      out += chunk.toString();
      if (!/port \d+|localhost:\d+\/graphql/.test(out)) return;
      child.stdout!.off('data', listen);
      child.stdout!.resume();
      resolve(child);
    };
    child.stdout!.on('data', listen);
  });
}
