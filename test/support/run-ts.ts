import { join } from 'node:path';

/**
 * Node's arguments that run a TypeScript file of the project in a child process, e.g.
 * `spawn(process.execPath, [...RUN_TS, 'src/cli.ts', 'keys', 'list'])`: the types stripped by swc as each file
 * is required (`register-ts.js`), without ts-node's start-up cost.
 */
export const RUN_TS = ['-r', join(__dirname, 'register-ts.js')];
