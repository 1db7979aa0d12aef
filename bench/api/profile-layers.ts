// Splits a CPU profile (`node --cpu-prof`, e.g. of the service under bench/api with BENCH_PROFILE=1) by layer:
// the self time of each sample goes to the package (or project folder) of the function it was taken in (a
// built-in such as JSON.parse or a promise's `then`, to its caller's), or to V8's own entries (garbage
// collection, idle, native code outside JavaScript). The first PROFILE_SKIP seconds (the server's start-up) are
// left out. `node profile-layers.ts <file.cpuprofile>...`
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const V8_ENTRIES = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The layer of a frame with a script: a package under node_modules, Node's own modules, a project folder. */
function layerOfScript(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:internal/')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/(src|bench|dist\/src)\/([^/]+)/.exec(url);
  return own ? `${own[1].replace('dist/', '')}/${own[2]}` : url;
}

const skipMicros = Number(process.env.PROFILE_SKIP ?? 0) * 1e6;

function main(): void {
  const totals = new Map<string, number>();
  let all = 0;
  for (const file of process.argv.slice(2)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentOf = new Map<number, number>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
    const layerOf = (id: number): string => {
      const { functionName, url } = byId.get(id)!.callFrame;
      if (url) return layerOfScript(url);
      if (V8_ENTRIES.has(functionName)) return functionName;
      const parent = parentOf.get(id);
      return parent === undefined ? '(native)' : layerOf(parent);
    };
    const layerById = new Map(profile.nodes.map((n) => [n.id, layerOf(n.id)]));
    let at = 0;
    profile.samples.forEach((id, i) => {
      const layer = layerById.get(id)!;
      const micros = profile.timeDeltas[i] ?? 0;
      at += micros;
      if (at < skipMicros) return;
      totals.set(layer, (totals.get(layer) ?? 0) + micros);
      all += micros;
    });
  }
  const busy = all - (totals.get('(idle)') ?? 0);
  console.log(
    `${(all / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy; shares of the busy time:`,
  );
  for (const [layer, micros] of [...totals].sort((a, b) => b[1] - a[1])) {
    if (layer === '(idle)' || micros / busy < 0.005) continue;
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${layer}`);
  }
}

main();
