import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Reading callgrind's dumps for the benches that count instructions (`bench/api/instructions.ts`,
// `bench/load/instructions.ts`).

/** V8's own work that a request's code does not decide alone: the optimizing compilers and the collector. */
const COMPILER = /compiler::|maglev|Maglev|turboshaft|Zone::|RegisterAllocator|InstructionSelector|LiveRange/;
const COLLECTOR =
  /Scaveng|Marking|Marker|Sweep|Heap::|Evacuat|MemoryChunk|ActiveSystemPages|SlotSet|RememberedSet|MarkCompact|IterateObjectCache|heap::base|cppgc|MemoryAllocator|PagedSpace|NewSpace|SemiSpace|LargeObjectSpace|FreeList|BodyDescriptor|__popcount/;

export interface InstructionCount {
  total: number;
  compiler: number;
  collector: number;
}

/**
 * The instructions (`Ir`) of the last dump of `outFile` (callgrind writes `<outFile>.<n>` for each dump): in all,
 * and in V8's optimizing compilers and collector (self cost of functions named so), which move with the moments
 * at which V8 decides to compile or collect: what is left, the mutator's, is the steady figure.
 */
export function lastDump(dir: string, outFile: string, before: Set<string>): InstructionCount {
  const base = outFile.split('/').pop()!;
  const fresh = readdirSync(dir).filter((f) => f.startsWith(`${base}.`) && !before.has(f));
  if (fresh.length !== 1) throw new Error(`expected one new dump of ${base}, found ${fresh.join(', ')}`);
  const count: InstructionCount = { total: 0, compiler: 0, collector: 0 };
  const names = new Map<string, string>();
  let fn = '';
  let afterCall = false;
  for (const line of readFileSync(join(dir, fresh[0]), 'utf8').split('\n')) {
    const named = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
    if (named) {
      if (named[2] !== undefined) names.set(named[1], named[2]);
      if (line.startsWith('fn=')) fn = names.get(named[1]) ?? '';
      continue;
    }
    if (line.startsWith('calls=')) afterCall = true;
    else if (/^[0-9+*-]/.test(line)) {
      // A cost line after `calls=` is the call's inclusive cost, counted in the callee's own lines.
      if (afterCall) afterCall = false;
      else {
        const ir = Number(line.trim().split(/\s+/).pop());
        count.total += ir;
        if (COMPILER.test(fn)) count.compiler += ir;
        else if (COLLECTOR.test(fn)) count.collector += ir;
      }
    }
  }
  return count;
}

/** A count over `n` answers, in millions an answer, with the mutator's share (all but V8's compilers and collector). */
export function millionsPer(c: InstructionCount, n: number) {
  return {
    total: c.total / n / 1e6,
    mutator: (c.total - c.compiler - c.collector) / n / 1e6,
    compiler: c.compiler / n / 1e6,
    collector: c.collector / n / 1e6,
  };
}
