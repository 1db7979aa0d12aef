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

/** The path of the one dump of `outFile` written since `before` (the directory's files then). */
export function lastDumpFile(dir: string, outFile: string, before: Set<string>): string {
  const base = outFile.split('/').pop()!;
  const fresh = readdirSync(dir).filter((f) => f.startsWith(`${base}.`) && !before.has(f));
  if (fresh.length !== 1) throw new Error(`expected one new dump of ${base}, found ${fresh.join(', ')}`);
  return join(dir, fresh[0]);
}

/**
 * The instructions (`Ir`) of the last dump of `outFile` (callgrind writes `<outFile>.<n>` for each dump): in all,
 * and in V8's optimizing compilers and collector (self cost of functions named so), which move with the moments
 * at which V8 decides to compile or collect: what is left, the mutator's, is the steady figure.
 */
export function lastDump(dir: string, outFile: string, before: Set<string>): InstructionCount {
  const count: InstructionCount = { total: 0, compiler: 0, collector: 0 };
  const names = new Map<string, string>();
  let fn = '';
  let afterCall = false;
  for (const line of readFileSync(lastDumpFile(dir, outFile, before), 'utf8').split('\n')) {
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
export type Millions = ReturnType<typeof millionsPer>;

export function millionsPer(c: InstructionCount, n: number) {
  return {
    total: c.total / n / 1e6,
    mutator: (c.total - c.compiler - c.collector) / n / 1e6,
    compiler: c.compiler / n / 1e6,
    collector: c.collector / n / 1e6,
  };
}

/** Millions an answer (`millionsPer`) of one build's rounds, one figure a round each, with the mutator's ratio to `first`'s. */
export function roundsLine(rounds: readonly Millions[], first: readonly Millions[] | null): string {
  const list = (key: keyof Millions) => rounds.map((f) => f[key].toFixed(3)).join(' ');
  return (
    `mutator ${list('mutator')}; in all ${list('total')} (compiler ${list('compiler')}, collector ${list('collector')})` +
    (first
      ? `; mutator's ratio to the first ${rounds.map((f, r) => (f.mutator / first[r].mutator).toFixed(3)).join(' ')}`
      : '')
  );
}

/** One entry of V8's perf map (`--perf-basic-prof`: `/tmp/perf-<pid>.map`), a piece of JIT code and its name. */
interface CodeRange {
  start: number;
  end: number;
  name: string;
  /** Its line in the map: code written later at the same addresses replaced it. */
  order: number;
}

/** V8's perf map, sorted by address, with the longest piece's length (how far back a lookup must look). */
export interface PerfMap {
  ranges: CodeRange[];
  longest: number;
}

export function readPerfMap(text: string): PerfMap {
  const ranges: CodeRange[] = [];
  for (const [order, line] of text.split('\n').entries()) {
    const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
    if (!m) continue;
    const start = parseInt(m[1], 16);
    ranges.push({ start, end: start + parseInt(m[2], 16), name: m[3], order });
  }
  ranges.sort((a, b) => a.start - b.start || a.order - b.order);
  return { ranges, longest: Math.max(0, ...ranges.map((r) => r.end - r.start)) };
}

/**
 * The name of the code at `address`: of the pieces of the map that cover it, the last written. V8 moves code and
 * reuses the space of code it dropped, so a name is that of the code there when the map last said so: a function
 * whose code was moved away during the counted answers, and its space reused, is named after its successor.
 */
export function codeAt({ ranges, longest }: PerfMap, address: number): string | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= address) lo = mid + 1;
    else hi = mid - 1;
  }
  let found: CodeRange | undefined;
  for (let i = hi; i >= 0 && ranges[i].start + longest > address; i--)
    if (address < ranges[i].end && (!found || ranges[i].order > found.order)) found = ranges[i];
  return found?.name;
}

/** JIT code that V8's perf map does not name (callgrind names it by its address): JavaScript all the same. */
const UNNAMED_JS = 'JS: (unnamed)';

/** Where a JavaScript function's code comes from: its npm package, the service's module (`app:<dir>`), or Node's. */
export function sourceOf(name: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/:]+)/.exec(name);
  if (pkg) return pkg[1];
  const app = /\/dist\/src\/([^/:]+)/.exec(name);
  if (app) return `app:${app[1].replace(/\.js$/, '')}`;
  if (name === UNNAMED_JS) return 'unnamed JIT code';
  const node = /node:([\w/]+)/.exec(name);
  if (node) return `node:${node[1].split('/')[0] === 'internal' ? node[1] : node[1].split('/')[0]}`;
  return 'other';
}

export interface Attribution {
  /** Instructions in all, and in V8's optimizing compilers and collector (as `lastDump`). */
  count: InstructionCount;
  /** The mutator's instructions by JavaScript function (its own, and its share of the native code it called). */
  byFunction: Map<string, number>;
  /** The same by package or module (`sourceOf`). */
  bySource: Map<string, number>;
  /** The mutator's instructions that no JavaScript function called (the event loop, I/O, SQLite's threads). */
  unattributed: number;
}

/**
 * A callgrind dump's instructions attributed to the JavaScript functions that caused them, much as V8's CPU
 * profiler attributes time: a function's own instructions (JIT code, named from V8's perf map) and the native code
 * it called (inline caches, the runtime, builtins: callgrind counts them apart, under `Builtins_KeyedLoadIC_...`).
 * A native function's own instructions go to its callers in proportion to what each call cost, up the calls to
 * the nearest JavaScript ones; so JavaScript that native code runs in turn (a callback of `Array.from`, a promise
 * job) keeps its own. Functions that TurboFan inlined are counted in the function they were inlined into; what no
 * JavaScript called is `unattributed`. A recursive call of native code to itself is followed once.
 */
export function attribute(dumpText: string, perfMap: PerfMap): Attribution {
  const count: InstructionCount = { total: 0, compiler: 0, collector: 0 };
  const names = new Map<string, string>();
  const own = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  let fn = '';
  let callee = '';
  let afterCall = false;
  for (const line of dumpText.split('\n')) {
    const named = /^(c?fn)=\((\d+)\)(?: (.*))?$/.exec(line);
    if (named) {
      if (named[3] !== undefined) {
        const address = /^0x([0-9a-f]+)$/.exec(named[3]);
        names.set(named[2], address ? (codeAt(perfMap, parseInt(address[1], 16)) ?? UNNAMED_JS) : named[3]);
      }
      if (named[1] === 'fn') fn = names.get(named[2]) ?? '';
      else callee = names.get(named[2]) ?? '';
      continue;
    }
    if (line.startsWith('calls=')) afterCall = true;
    else if (/^[0-9+*-]/.test(line)) {
      const ir = Number(line.trim().split(/\s+/).pop());
      if (afterCall) {
        afterCall = false;
        const arcs = callers.get(callee) ?? new Map<string, number>();
        arcs.set(fn, (arcs.get(fn) ?? 0) + ir);
        callers.set(callee, arcs);
      } else {
        count.total += ir;
        if (COMPILER.test(fn)) count.compiler += ir;
        else if (COLLECTOR.test(fn)) count.collector += ir;
        else own.set(fn, (own.get(fn) ?? 0) + ir);
      }
    }
  }
  // Each native function's shares among the JavaScript functions above it (fractions adding up to 1 or less).
  const shares = new Map<string, Map<string, number>>();
  const sharesOf = (native: string, visiting: Set<string>): Map<string, number> => {
    const known = shares.get(native);
    if (known) return known;
    const result = new Map<string, number>();
    const arcs = [...(callers.get(native) ?? [])].filter(([caller]) => !visiting.has(caller));
    const sum = arcs.reduce((total, [, ir]) => total + ir, 0);
    visiting.add(native);
    for (const [caller, ir] of arcs) {
      const weight = ir / sum;
      if (caller.startsWith('JS:')) result.set(caller, (result.get(caller) ?? 0) + weight);
      else if (!COMPILER.test(caller) && !COLLECTOR.test(caller))
        for (const [js, share] of sharesOf(caller, visiting))
          result.set(js, (result.get(js) ?? 0) + weight * share);
    }
    visiting.delete(native);
    shares.set(native, result);
    return result;
  };
  const byFunction = new Map<string, number>();
  const add = (name: string, ir: number) => byFunction.set(name, (byFunction.get(name) ?? 0) + ir);
  let unattributed = 0;
  for (const [name, ir] of own) {
    if (name.startsWith('JS:')) {
      add(name, ir);
      continue;
    }
    let given = 0;
    for (const [js, share] of sharesOf(name, new Set())) {
      add(js, ir * share);
      given += ir * share;
    }
    unattributed += ir - given;
  }
  const bySource = new Map<string, number>();
  for (const [name, ir] of byFunction) bySource.set(sourceOf(name), (bySource.get(sourceOf(name)) ?? 0) + ir);
  return { count, byFunction, bySource, unattributed };
}

/** The `top` largest entries of an attribution, in millions of instructions an answer over `n` answers. */
export function topMillions(entries: Map<string, number>, n: number, top: number): string[] {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ir]) => `${(ir / n / 1e6).toFixed(3)} M  ${name}`);
}
