import { readCorpusAgreement } from './src/annotations/evaluation/corpus-agreements';
import { annotateAgreement } from './src/annotations/rules/annotate-agreement';
import { totaFiles } from './test/support/corpus';
const TEST = new Set(['88','406','410','102','396','436','85','352']);
const want = process.argv[2];
let n = 0;
for (const f of totaFiles()) {
  const id = /pta_(\d+)/.exec(f)![1];
  if (TEST.has(id)) continue;
  const a = readCorpusAgreement(id);
  for (const p of annotateAgreement(a.input)) if (p.ruleId.includes(want)) { n++; if (n <= 25) console.log(id, p.ref, p.evidence?.quote?.slice(0, 150)); }
}
console.log('total', n);
