// Run 13: what withPredecessors' look-up costs at PREDECESSOR_MIN 0.12 against run 10's 0.22, in process: the
// neighbours of random provisions at each threshold (the look-up withPredecessors makes, up to three times a
// family), CPU time per look-up, the two thresholds alternating provision by provision on one index.
//   node -r ts-node/register bench/similarity/predecessor-cost.ts <corpus.sqlite> [count]
import { ClauseIndex, comparable } from '../../src/search/wording/clause-index';
import { RawSqlite } from '../search/raw-sqlite';

async function main(): Promise<void> {
  const [file, count = '300'] = process.argv.slice(2);
  const db = await RawSqlite.open(file);
  const rows = await db.all<{
    id: number;
    agreement_id: number;
    date_signed: string | null;
    text: string | null;
  }>(
    `select p.id, p.agreement_id, a.date_signed, coalesce(p.text, p.summary) as text
     from provision p join agreement a on a.id = p.agreement_id order by p.id`,
  );
  await db.close();
  const texts = rows
    .filter((r) => comparable(r.text ?? ''))
    .map((r) => ({
      id: Number(r.id),
      agreementId: Number(r.agreement_id),
      text: r.text!,
      dateSigned: r.date_signed,
    }));
  const index = ClauseIndex.build(texts);
  let seed = 13;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sample = Array.from({ length: Number(count) }, () => texts[Math.floor(random() * texts.length)].id);
  const cost: Record<string, number[]> = { '0.22': [], '0.12': [] };
  const found: Record<string, number> = { '0.22': 0, '0.12': 0 };
  sample.forEach((id, i) => {
    const order = i % 2 ? ['0.22', '0.12'] : ['0.12', '0.22'];
    for (const t of order) {
      const started = process.cpuUsage();
      found[t] += index.neighboursOf(id, Number(t)).length;
      const used = process.cpuUsage(started);
      cost[t].push((used.user + used.system) / 1000);
    }
  });
  for (const t of ['0.22', '0.12']) {
    const sorted = [...cost[t]].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
    console.log(
      `minScore ${t}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, sum ${(sorted.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s, neighbours ${(found[t] / sample.length).toFixed(1)} a look-up`,
    );
  }
}

void main();
