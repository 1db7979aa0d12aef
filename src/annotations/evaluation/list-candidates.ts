// Lists, for hand labelling, the articles of ToTA agreements that could carry a taxonomy code: every article
// whose whitespace-normalised text matches a broad keyword (so the labeller also sees what the rules miss),
// with short windows around the hits, the chapter and article headings and what the rules propose.
// Usage: ts-node src/annotations/evaluation/list-candidates.ts [--second-pass] <treaty id>... (reads CORPUS_DIR)
// --second-pass builds the view for the second coding: wider windows, the rules' proposals hidden, and every
// article of a chapter titled after cooperation, e-commerce or culture listed even without a keyword.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { corpusDir } from '../../config';
import { euBloc, totaRecord } from '../../ingest/tota-record';
import { parseTota } from '../../ingest/tota/parse-tota';
import { readPartyFixtures } from '../../parties/party-fixtures';
import { annotateAgreement } from '../rules/annotate-agreement';

const KEYWORDS =
  /(?<![\p{L}])(?:cultur|audio-?vis|broadcast|radiodif|t[ée]l[ée]vis|unesco|diversit|treasure|tesoro|tr[ée]sor|heritage|patrimo|arch[ae]?olog|arqueol|artist|artíst|entertainment|esparcimiento|divertissement|spectacle|cin[ée]m|cine|film|creativ|co-?produc|media(?![\p{L}])|medios de comunicaci|electronic|electrónic|électroni|digital|num[ée]rique|e-commerce|paperless|sin papel|online|en línea|en ligne|internet|spam|unsolicited|no solicitad|authenticat|autentica|firma electr|signature électr|personal data|datos personales|données personnelles)/giu;

const SECOND_PASS_CHAPTERS =
  /co-?operaci|coop[ée]ration|co-?operation|electr[oó]nic|[ée]lectroni|digital|cultur|audio-?vis|media/i;

export interface CandidateView {
  /** Characters shown on each side of a keyword. */
  readonly window: number;
  /** Hide what the rules propose (second pass). */
  readonly hideRules: boolean;
  /** List every article of cooperation, e-commerce and culture chapters, keyword or not (second pass). */
  readonly wholeChapters: boolean;
}

export const FIRST_PASS_VIEW: CandidateView = { window: 160, hideRules: false, wholeChapters: false };
export const SECOND_PASS_VIEW: CandidateView = { window: 320, hideRules: true, wholeChapters: true };

export function candidateReport(treatyId: string, view: CandidateView = FIRST_PASS_VIEW): string {
  const { window } = view;
  const parties = readPartyFixtures();
  const developing = new Map(parties.map((p) => [p.code, p.developing]));
  const eu = parties.find((p) => p.code === 'EUN')!;
  const file = join(corpusDir(), 'tota', 'xml', `pta_${treatyId}.xml`);
  const parsed = parseTota(readFileSync(file, 'utf8'), basename(file));
  const record = totaRecord(parsed, 'x', [euBloc(eu.members!)]);
  const provisions = record.provisions.map((p) => ({ ...p, ref: p.externalId!, text: p.text! }));
  const proposals = annotateAgreement({
    language: record.language ?? 'en',
    parties: record.parties.map((p) => ({ code: p.code, developing: developing.get(p.code) ?? null })),
    provisions,
  });
  const lines = [
    `# ${treatyId} ${record.title} (${record.language}) parties ${record.parties.map((p) => p.code).join(' ')}; ` +
      `${provisions.length} articles`,
  ];
  for (const provision of provisions) {
    const text = provision.text.replace(/\s+/g, ' ');
    const hits = [...text.matchAll(KEYWORDS)];
    const proposed = view.hideRules ? [] : proposals.filter((p) => p.ref === provision.ref);
    const inListedChapter =
      view.wholeChapters &&
      SECOND_PASS_CHAPTERS.test(`${provision.chapterTitle ?? ''} ${provision.sectionTitle ?? ''}`);
    if (hits.length === 0 && proposed.length === 0 && !inListedChapter) continue;
    const rules = view.hideRules ? '' : ` | rules: ${proposed.map((p) => p.code).join(',') || '-'}`;
    lines.push(
      `## ${provision.ref} | ${provision.articleNumber ?? ''} | ch: ${provision.chapterTitle ?? ''} | ` +
        `${provision.articleTitle ?? ''}${rules}`,
    );
    if (hits.length === 0) lines.push(`   …${text.slice(0, 2 * window)}…`);
    let covered = -1;
    for (const hit of hits) {
      const start = Math.max(0, hit.index - window, covered);
      if (hit.index < covered) continue;
      const end = Math.min(text.length, hit.index + window);
      lines.push(`   …${text.slice(start, end)}…`);
      covered = end;
    }
  }
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const view = args.includes('--second-pass') ? SECOND_PASS_VIEW : FIRST_PASS_VIEW;
  for (const id of args.filter((arg) => !arg.startsWith('--'))) console.log(candidateReport(id, view) + '\n');
}
