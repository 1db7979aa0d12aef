// Run 18 (README of test/fixtures/families): fits the learned line stop (line-stop-model.ts), a
// logistic regression deciding at each step of the seed's line of sources whether the line stops there (that member
// is the family's template), on the labels of the thirteen seen family files, and scores it by leave-one-file-out
// against run 13's rule scored the same way.
//   LEARN_DUMP=/tmp/dump.json node -r ts-node/register bench/similarity/family-study.ts <corpus.sqlite> 'run 18 dump'
//   node -r ts-node/register bench/similarity/line-stop-fit.ts /tmp/dump.json [--table=<out.json>]
// The dump holds every step of every labelled member's line, followed to its end (run 13's family and sources, no
// stop), with the step's facts and run 13's own decision (`ruleStop`). A step is labelled 'stop' when its member
// is the labelled template (the earliest member of the family), 'go on' before it; a query whose line never holds
// the labelled template teaches nothing and is left out. Each query weighs 1 / (members of its family), so that
// every family weighs the same, as the template measure counts families. The fit: features standardised on the
// training rows, L2 penalty LAMBDA on the weights (not the bias), Newton's method (IRLS) to convergence. The
// decision: stop at the first step whose probability is at least 0.5. Scoring replays each query's line: the
// template is where the line stops (the line's end when it does not), and a seed stopping at its own source loses
// it (as rootedInSeedLine does); sources of other members and the family's members are run 13's, so recall is
// unchanged by construction. Prints the folds, the totals against run 13, and the table fitted on all files.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  LINE_STOP_FEATURES,
  lineStopFeatures,
  LineStepFacts,
  lineStopProbability,
  LineStopTable,
  solve,
} from './line-stop-model';
import { FamilyFile, labelledFamilies, RUN_16_FOLD_FILES } from '../../test/support/family-measure';

/** The L2 penalty, fixed before any fold was scored. */
const LAMBDA = Number(process.env.LAMBDA ?? 1);

interface DumpStep {
  pin: string;
  member: string;
  source: string;
  facts: LineStepFacts;
}

interface Row {
  x: number[];
  y: number;
  w: number;
}

const [dumpPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const tableOut = process.argv.find((a) => a.startsWith('--table='))?.slice('--table='.length);
const dump = JSON.parse(readFileSync(dumpPath, 'utf8')) as DumpStep[];
const lineOf = new Map<string, DumpStep[]>();
for (const step of dump) (lineOf.get(step.pin) ?? lineOf.set(step.pin, []).get(step.pin)!).push(step);
for (const line of lineOf.values()) line.sort((a, b) => a.facts.at - b.facts.at);

function rowsOf(files: readonly FamilyFile[]): Row[] {
  const rows: Row[] = [];
  for (const file of files)
    for (const family of labelledFamilies(file)) {
      const template = family.members[0].pinpoint;
      const w = BY_QUERY ? 1 : 1 / family.members.length;
      for (const member of family.members) {
        const line = lineOf.get(member.pinpoint) ?? [];
        const at = line.findIndex((s) => s.member === template);
        const endsAtTemplate = line.length > 0 && line[line.length - 1].source === template;
        if (at < 0 && !endsAtTemplate) continue;
        const upTo = at < 0 ? line.length : at + 1;
        for (let i = 0; i < upTo; i += 1)
          if (!(ON_TOP && line[i].facts.ruleStop))
            rows.push({ x: lineStopFeatures(line[i].facts), y: Number(i === at), w });
      }
    }
  return rows;
}

export function fit(rows: Row[], lambda = LAMBDA): LineStopTable {
  const d = LINE_STOP_FEATURES.length;
  const total = rows.reduce((s, r) => s + r.w, 0);
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r.w * r.x[j], 0) / total);
  const sd = Array.from({ length: d }, (_, j) => {
    const v = rows.reduce((s, r) => s + r.w * (r.x[j] - mean[j]) ** 2, 0) / total;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const z = rows.map((r) => [1, ...r.x.map((v, j) => (v - mean[j]) / sd[j])]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const grad = beta.map((b, j) => (j === 0 ? 0 : lambda * b));
    const hess = beta.map((_, i) => beta.map((__, j) => (i === j && i > 0 ? lambda : 0)));
    rows.forEach((r, k) => {
      const eta = z[k].reduce((s, v, j) => s + v * beta[j], 0);
      const p = 1 / (1 + Math.exp(-eta));
      const g = r.w * (p - r.y);
      const h = r.w * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i <= d; i += 1) {
        grad[i] += g * z[k][i];
        for (let j = 0; j <= d; j += 1) hess[i][j] += h * z[k][i] * z[k][j];
      }
    });
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { mean, sd, weights: beta.slice(1), bias: beta[0] };
}

interface FileScore {
  /** The families whose template is right. */
  right?: string[];
  templates: number;
  families: number;
  sources: number;
  total: number;
}

/**
 * Where the line stops: DECISION=first (the default) at the first step the rule says stop; DECISION=argmax (a
 * probability rule only) where the line most probably stops, p(k) prod(1 - p(i), i < k), against the line's end,
 * prod(1 - p(i)).
 */
type Stops = ((facts: LineStepFacts) => boolean) & { probability?: (facts: LineStepFacts) => number };
const DECISION = process.env.DECISION ?? 'first';
/**
 * ON_TOP=1: the model only adds stops to run 13's (the line stops where run 13's rule does or the model says so),
 * fitted on the steps where run 13's rule goes on.
 */
const ON_TOP = process.env.ON_TOP === '1';
/** WEIGH=query: every query weighs 1 (the default, family: 1 / members, every family the same). */
const BY_QUERY = process.env.WEIGH === 'query';
function stopAt(line: LineStepFacts[], stops: Stops): number {
  if (DECISION !== 'argmax' || !stops.probability) return line.findIndex((facts) => stops(facts));
  let best = -1;
  let bestP = -1;
  let goOn = 1;
  line.forEach((facts, k) => {
    const p = stops.probability!(facts);
    if (goOn * p > bestP) [best, bestP] = [k, goOn * p];
    goOn *= 1 - p;
  });
  return goOn > bestP ? -1 : best;
}

/** Templates and sources of one file's families when the line stops where `stops` says (see the header). */
function score(file: FamilyFile, stops: Stops): FileScore {
  const out: FileScore = { right: [], templates: 0, families: 0, sources: 0, total: 0 };
  for (const family of labelledFamilies(file)) {
    const template = family.members[0].pinpoint;
    let right = 0;
    for (const member of family.members) {
      const line = lineOf.get(member.pinpoint) ?? [];
      const at = stopAt(
        line.map((s) => s.facts),
        stops,
      );
      const found = at >= 0 ? line[at].member : line.length ? line[line.length - 1].source : member.pinpoint;
      if (found === template) right += 1;
      if (member.source !== null) {
        out.total += 1;
        const source = at === 0 || !line.length ? null : line[0].source;
        if (source === member.source) out.sources += 1;
      }
    }
    out.families += 1;
    if (right / family.members.length > 0.5) {
      out.templates += 1;
      out.right!.push(family.name);
    }
  }
  return out;
}

const run13 = (facts: LineStepFacts) => facts.ruleStop;
const learned = (table: LineStopTable): Stops =>
  Object.assign(
    (facts: LineStepFacts) => (ON_TOP && facts.ruleStop) || lineStopProbability(facts, table) >= 0.5,
    {
      probability: (facts: LineStepFacts) =>
        ON_TOP && facts.ruleStop ? 1 : lineStopProbability(facts, table),
    },
  );
const sum = (xs: FileScore[]) =>
  xs.reduce(
    (a, b) => ({
      templates: a.templates + b.templates,
      families: a.families + b.families,
      sources: a.sources + b.sources,
      total: a.total + b.total,
    }),
    { templates: 0, families: 0, sources: 0, total: 0 },
  );
const show = (s: FileScore) => `templates ${s.templates} of ${s.families} sources ${s.sources}/${s.total}`;

const files = RUN_16_FOLD_FILES;
const folds: FileScore[] = [];
const base: FileScore[] = [];
console.log(
  `leave-one-file-out over ${files.length} files, lambda ${LAMBDA}, decision ${DECISION}, on top of run 13 ${ON_TOP}, weigh ${BY_QUERY ? 'query' : 'family'}`,
);
for (const held of files) {
  const table = fit(rowsOf(files.filter((f) => f !== held)));
  const [got, was] = [score(held, learned(table)), score(held, run13)];
  folds.push(got);
  base.push(was);
  const gained = got.right!.filter((f) => !was.right!.includes(f));
  const lost = was.right!.filter((f) => !got.right!.includes(f));
  console.log(
    `  ${held.padEnd(14)} learned ${show(got)}   run 13 ${show(was)}${gained.length ? `  +${gained.join(' +')}` : ''}${lost.length ? `  -${lost.join(' -')}` : ''}`,
  );
}
console.log(`folds total: learned ${show(sum(folds))}   run 13 ${show(sum(base))}`);
const all = fit(rowsOf(files));
console.log('in-sample (fitted on all files):');
for (const f of files)
  console.log(`  ${f.padEnd(14)} learned ${show(score(f, learned(all)))}   run 13 ${show(score(f, run13))}`);
console.log(
  `  total          learned ${show(sum(files.map((f) => score(f, learned(all)))))}   run 13 ${show(sum(files.map((f) => score(f, run13))))}`,
);
console.log('table fitted on all files (standardised weights):');
LINE_STOP_FEATURES.forEach((name, j) =>
  console.log(
    `  ${name.padEnd(30)} mean ${all.mean[j].toFixed(4)} sd ${all.sd[j].toFixed(4)} weight ${all.weights[j].toFixed(4)}`,
  ),
);
console.log(`  bias ${all.bias.toFixed(4)}`);
if (tableOut) writeFileSync(tableOut, JSON.stringify(all));
