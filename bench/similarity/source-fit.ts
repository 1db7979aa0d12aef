// Run 18 (README of test/fixtures/families): fits the learned source choice (source-model.ts), a conditional logit
// over each member's candidate sources, on the labelled sources of the thirteen seen family files, by
// leave-one-file-out, and scores each fold's sources against run 13's choice (both exact: a seed's own source in its
// own family is chosen among the same candidates whatever the other members' sources). Templates depend on every
// member's source along the seed's line: the study scores them (`run 18 S <name>` with SOURCE_TABLES=<tables.json>).
//   SOURCE_DUMP=/tmp/sdump.json node -r ts-node/register bench/similarity/family-study.ts <corpus.sqlite> 'run 18 S dump'
//   node -r ts-node/register bench/similarity/source-fit.ts /tmp/sdump.json [--tables=<out.json>]
// A query whose labelled source is not among its seed's candidates (not found, or not among the SOURCE_CANDIDATES
// closest by the word-sequence bound) teaches nothing and is left out of the fit; every other query weighs 1, as
// the source measure counts members. The fit: features standardised over the training candidates, L2 penalty
// LAMBDA (fixed before any fold was scored), Newton's method to convergence.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  chooseSource,
  SOURCE_FEATURES,
  SourceCandidateFacts,
  sourceFeatures,
  SourceTable,
} from './source-model';
import { solve } from './line-stop-model';
import { FamilyFile, labelledFamilies, RUN_16_FOLD_FILES } from '../../test/support/family-measure';

const LAMBDA = Number(process.env.LAMBDA ?? 1);
/** NO_RULE=1: run 13's choice is not a feature (the facts say it is not), so the rule is learned from the rest alone. */
const NO_RULE = process.env.NO_RULE === '1';
const factsOf = (c: { facts: SourceCandidateFacts }): SourceCandidateFacts =>
  NO_RULE ? { ...c.facts, ruleChoice: false } : c.facts;

interface Query {
  pin: string;
  candidates: { source: string; facts: SourceCandidateFacts }[];
}

const [dumpPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const tablesOut = process.argv.find((a) => a.startsWith('--tables='))?.slice('--tables='.length);
const dump = JSON.parse(readFileSync(dumpPath, 'utf8')) as Query[];
const candidatesOf = new Map(dump.map((q) => [q.pin, q.candidates]));

interface Group {
  rows: number[][];
  y: number;
}

function groupsOf(files: readonly FamilyFile[]): Group[] {
  const out: Group[] = [];
  for (const file of files)
    for (const family of labelledFamilies(file))
      for (const member of family.members) {
        if (member.source === null) continue;
        const candidates = candidatesOf.get(member.pinpoint) ?? [];
        const y = candidates.findIndex((c) => c.source === member.source);
        if (y < 0 || candidates.length < 2) continue;
        out.push({ rows: sourceFeatures(candidates.map(factsOf)), y });
      }
  return out;
}

function fit(groups: Group[]): SourceTable {
  const d = SOURCE_FEATURES.length;
  const all = groups.flatMap((g) => g.rows);
  const mean = Array.from({ length: d }, (_, j) => all.reduce((s, r) => s + r[j], 0) / all.length);
  const sd = Array.from({ length: d }, (_, j) => {
    const v = all.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / all.length;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const z = groups.map((g) => g.rows.map((r) => r.map((v, j) => (v - mean[j]) / sd[j])));
  let w = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const grad = w.map((v) => LAMBDA * v);
    const hess = w.map((_, i) => w.map((__, j) => (i === j ? LAMBDA : 0)));
    groups.forEach((g, k) => {
      const scores = z[k].map((r) => r.reduce((s, v, j) => s + v * w[j], 0));
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const total = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / total);
      const mu = w.map((_, j) => z[k].reduce((s, r, c) => s + p[c] * r[j], 0));
      for (let i = 0; i < d; i += 1) {
        grad[i] += mu[i] - z[k][g.y][i];
        for (let j = 0; j < d; j += 1)
          hess[i][j] += z[k].reduce((s, r, c) => s + p[c] * r[i] * r[j], 0) - mu[i] * mu[j];
      }
    });
    const step = solve(hess, grad);
    w = w.map((v, j) => v - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { mean, sd, weights: w };
}

/** Sources right in a file: the seed's own source in its own family, by the table or by run 13's choice. */
function sources(file: FamilyFile, table: SourceTable | null): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const family of labelledFamilies(file))
    for (const member of family.members) {
      if (member.source === null) continue;
      total += 1;
      const candidates = candidatesOf.get(member.pinpoint) ?? [];
      if (!candidates.length) continue;
      const k = table
        ? chooseSource(candidates.map(factsOf), table)
        : candidates.findIndex((c) => c.facts.ruleChoice);
      if (k >= 0 && candidates[k].source === member.source) right += 1;
    }
  return { right, total };
}

const files = RUN_16_FOLD_FILES;
const tables: Record<string, SourceTable> = {};
let [learned, base, total] = [0, 0, 0];
console.log(
  `leave-one-file-out over ${files.length} files, lambda ${LAMBDA}, run 13's choice a feature: ${!NO_RULE}`,
);
for (const held of files) {
  const table = fit(groupsOf(files.filter((f) => f !== held)));
  tables[`fold ${held}`] = table;
  const [got, was] = [sources(held, table), sources(held, null)];
  learned += got.right;
  base += was.right;
  total += got.total;
  console.log(
    `  ${held.padEnd(14)} learned sources ${got.right}/${got.total}   run 13 ${was.right}/${was.total}`,
  );
}
console.log(`folds total: learned sources ${learned}/${total}   run 13 ${base}/${total}`);
const everything = fit(groupsOf(files));
tables.all = everything;
const inSample = files.map((f) => sources(f, everything));
console.log(
  `in-sample: learned sources ${inSample.reduce((s, x) => s + x.right, 0)}/${total}; families.json ${inSample[0].right}/${inSample[0].total}`,
);
SOURCE_FEATURES.forEach((name, j) =>
  console.log(
    `  ${name.padEnd(36)} mean ${everything.mean[j].toFixed(4)} sd ${everything.sd[j].toFixed(4)} weight ${everything.weights[j].toFixed(4)}`,
  ),
);
if (tablesOut) writeFileSync(tablesOut, JSON.stringify(tables));
