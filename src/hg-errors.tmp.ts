import { predictOnCorpus, readCorpusAgreement } from './annotations/evaluation/corpus-agreements';
import { readDevelopmentSide } from './annotations/evaluation/label-split';
const code = process.argv[2] ?? 'CULTURAL_COOPERATION';
const only = process.argv[3] ? new Set(process.argv[3].split(',')) : null;
const dev = readDevelopmentSide();
const ids = dev.treatyIdentifiers.filter((id) => !only || only.has(id));
const { predictions } = predictOnCorpus(ids);
const key = (t: string, a: string) => `${t}/${a}`;
const gold = new Map(dev.labels.filter((l) => l.code === code && ids.includes(l.treatyIdentifier)).map((l) => [key(l.treatyIdentifier, l.articleIdentifier), l]));
const pred = new Map(predictions.filter((p) => p.code === code).map((p) => [key(p.treatyIdentifier, p.articleIdentifier), p]));
const texts = new Map<string, string>();
for (const id of ids) for (const p of readCorpusAgreement(id).input.provisions) texts.set(key(id, p.ref), `[${p.chapterTitle ?? ''} | ${p.sectionTitle ?? ''} | ${p.articleNumber ?? ''} ${p.articleTitle ?? ''}] ${p.text.replace(/\s+/g, ' ')}`);
let tp = 0;
for (const [k, l] of gold) { if (pred.has(k)) { tp++; continue; } console.log(`FN ${k} ${(l as any).note}\n   ${texts.get(k)?.slice(0, Number(process.env.LEN ?? 600))}`); }
for (const [k, p] of pred) if (!gold.has(k)) console.log(`FP ${k} ${p.ruleId}\n   ${texts.get(k)?.slice(0, Number(process.env.LEN ?? 600))}`);
console.log(`TP ${tp} pos ${gold.size} pred ${pred.size}`);
