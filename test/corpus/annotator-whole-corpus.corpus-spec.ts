import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { euBloc, totaRecord } from '../../src/ingest/tota-record';
import { readPartyFixtures } from '../../src/parties/party-fixtures';
import { totaFiles } from '../support/corpus';
import { AnnotatorAgreement, ProposedAnnotation } from '../../src/annotations/rules/annotator.types';
import { annotateAgreement } from '../../src/annotations/rules/annotate-agreement';
import { parseTota } from '../../src/ingest/tota/parse-tota';
import { TaxonomyCodeId } from '../../src/taxonomy/taxonomy-code.enum';

describe('annotator over the whole ToTA corpus', () => {
  const inputs: AnnotatorAgreement[] = [];
  const results: ProposedAnnotation[][] = [];
  let milliseconds = 0;

  beforeAll(() => {
    const parties = readPartyFixtures();
    const developing = new Map(parties.map((p) => [p.code, p.developing]));
    const eu = parties.find((p) => p.code === 'EUN')!;
    const blocs = [euBloc(eu.members!)];
    for (const file of totaFiles()) {
      const record = totaRecord(parseTota(readFileSync(file, 'utf8'), basename(file)), 'x', blocs);
      inputs.push({
        language: record.language ?? 'en',
        parties: record.parties.map((p) => ({ code: p.code, developing: developing.get(p.code) ?? null })),
        provisions: record.provisions.map((p) => ({ ...p, ref: p.externalId!, text: p.text! })),
      });
    }
    const started = performance.now();
    for (const input of inputs) results.push(annotateAgreement(input));
    milliseconds = performance.now() - started;

    const byCode = new Map<string, number>(Object.values(TaxonomyCodeId).map((code) => [code, 0]));
    const byRule = new Map<string, number>();
    for (const annotation of results.flat()) {
      byCode.set(annotation.code, (byCode.get(annotation.code) ?? 0) + 1);
      byRule.set(annotation.ruleId, (byRule.get(annotation.ruleId) ?? 0) + 1);
    }
    const provisions = inputs.reduce((total, input) => total + input.provisions.length, 0);
    console.log(
      [
        `annotated ${inputs.length} agreements (${provisions} provisions) in ${milliseconds.toFixed(0)} ms: ` +
          `${results.flat().length} annotations`,
        ...[...byCode].map(([code, count]) => `  ${code.padEnd(32)} ${count}`),
        'by rule:',
        ...[...byRule]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([rule, count]) => `  ${rule.padEnd(72)} ${count}`),
      ].join('\n'),
    );
  });

  // The time is printed above; speed is the benchmarks' business (npm run bench:import), not a test's.
  it('annotates all 450 files', () => {
    expect(inputs).toHaveLength(450);
  });

  it('proposes every code somewhere in the corpus', () => {
    const codes = new Set(results.flat().map((annotation) => annotation.code));
    expect([...codes].sort()).toEqual(Object.values(TaxonomyCodeId).sort());
  });

  it('gives at most one annotation per provision and code, with evidence quoted from the original text', () => {
    results.forEach((annotations, index) => {
      const texts = new Map(inputs[index].provisions.map((provision) => [provision.ref, provision.text]));
      const pairs = new Set(annotations.map((annotation) => `${annotation.ref}/${annotation.code}`));
      expect(pairs.size).toBe(annotations.length);
      for (const { ref, evidence, confidence } of annotations) {
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
        if (evidence) expect(texts.get(ref)?.slice(evidence.start, evidence.end)).toBe(evidence.quote);
      }
    });
  });

  // A deliberate-change gate: the committed counts of proposals per code (and per rule) over the 450
  // agreements. Any rule change that moves them fails here until the snapshot is regenerated on purpose:
  //   UPDATE_PROPOSAL_COUNTS=1 npx jest -c test/jest.corpus.config.js annotator-whole-corpus
  // and the commit that changes it says why (which rule, which agreements gained or lost proposals).
  // 3 December 2026, 1060 -> 1065 proposals, CULTURAL_COOPERATION 146 -> 151: the new rule
  // CULTURAL_COOPERATION/en/culture-item-of-cooperation-fields (culture, a cultural sector or the media as one item
  // of the fields of a cooperation commitment) adds 5 articles and takes none away. Four were read and are
  // cooperation on culture or the media as one item of a list: 134 Art 11 (telecommunications and media among
  // productive sectors), 32 Art 26 (tourist and cultural industries among priority industries), 428 Art 110
  // (cross-border cooperation promoting tourism and cultural activities), 443 Art 8.1 (media among the forms of
  // cooperation given attention). The fifth is in a test-part agreement and was not read (the test part is only
  // scored). No other code moved.
  // 3 December 2026 (fourth round), 1065 -> 1076 proposals: CULTURAL_COOPERATION 151 -> 157, from the development
  // misses of the cooperation draw (pick-cooperation-agreements.ts). Added, all read and right by the development
  // labels: 220 Art 91, 223 Art 94 and 235 Art 92 (the Europe Agreements' information articles: coordinating the
  // regulation of cross-border broadcasts, training journalists), 134 Art 14 and 428 Art 99 (ICT cooperation for
  // multimedia access to cultural resources, digitisation of cultural heritage), 390 Art 14.2 and 389 Art 118
  // (cooperation objectives with special attention to cultural aspects). Removed: 428 Art 110, read above as
  // cooperation but labelled negative when 428 joined the development part (tourism and cultural activities as what
  // restoring a river's navigation will lead to, not a field of cooperation). ECOMMERCE_CULTURAL_CARVE_OUT 19 -> 24:
  // e-commerce articles leaving out "the electronic transmission of ... products scheduled by a content provider"
  // (broadcasting described without its name): 24 Art 14.2 (labelled), 10 Art 13.3, 52 Art 14.3, 159 Art 15.3,
  // 443 Art 7.4, all read. No test-part agreement gained or lost a proposal. Five audiovisual cooperation articles (11 Art
  // 102, 208 Art 92, 228 Art 90, 349 Art 102, 402 Art 104) are now credited to cultural-cooperation-phrase instead of
  // culture-article-title (the regenerated calibration puts the phrase rule first); the proposals are the same.
  // 3 December 2026 (fifth round), 1076 -> 1082 proposals, each added one read and right by the development labels
  // of the fifth and sixth batches (pick-gap-agreements.ts, list-cooperation-misses.ts), none removed:
  // CULTURAL_COOPERATION 157 -> 161: "cultural collaboration" among the areas of cooperation (142 Art 18.2, 344 Art
  // 37), "educational, cultural and primary industry cooperation" (8 Art 16.3), a recital seeking stronger relations
  // in fields that include the cultural one (33 preamble); HERITAGE_EXCEPTION 257 -> 258: an internal-market
  // exception protecting "cultural values" (440 Art 29); POLICY_SPACE_CULTURE 32 -> 33: a right to restrict imports
  // for "economic, social, cultural or other reasons" (6 Art 25). No test-part agreement gained or lost a proposal.
  // 3 December 2026 (seventh round: an audit of the cooperation rules against the taxonomy in en/es/fr, and the
  // gap-wording batch of list-cooperation-gap-wordings.ts), 1082 -> 1083 proposals, CULTURAL_COOPERATION 161 -> 162:
  // the new rule CULTURAL_COOPERATION/en/mass-media-field-of-cooperation adds 116 Art 149 (joint policies in the
  // area of social communication, in the Andean Community's economic and social cooperation chapter), read and
  // labelled positive (BORDERLINE) in the development part, where it was a miss. The other changes of the round
  // (French "coopèrent"; the cultural field named by its noun in Spanish and French; cooperation on heritage
  // conservation; encouraging co-production) add and remove nothing on the 450 agreements, and no proposal moved
  // to another rule after the calibration was regenerated. No test-part agreement gained or lost a proposal.
  // 5 December 2026, 1083 -> 1079 proposals: pta_206 (EC - Algeria, 1976) holds the 2002 association agreement's
  // text, so its record now holds no provisions (meta-corrections.ts): its 3 cultural cooperation and 1 national
  // treasures proposals were the 2002 agreement's, which pta_16 carries.
  // 5 December 2026 (truth8), 1079 -> 1074: pta_65 (EU - Mexico, 1997) holds Joint Council Decision 2/2001 and pta_134
  // (EU - OCT, 1970) the 2001 Overseas Association Decision, both left out (meta-corrections.ts): dated by their
  // records, their clauses were named the source of earlier ones. Their 1 audiovisual exclusion, 3 cultural
  // cooperation and 1 national treasures proposals go with them.
  // 6 December 2026 (truth9), 1074 -> 1073: pta_138's text is the EFTA Convention as amended at Vaduz in 2001, left out
  // the same way; its 1 national treasures proposal goes with it.
  it('proposes exactly the committed counts per code and per rule (snapshot reviewed when it moves)', () => {
    const snapshotFile = join(__dirname, 'proposal-counts.json');
    const byCode: Record<string, number> = Object.fromEntries(
      Object.values(TaxonomyCodeId).map((code) => [code, 0]),
    );
    const byRule: Record<string, number> = {};
    for (const annotation of results.flat()) {
      byCode[annotation.code]++;
      byRule[annotation.ruleId] = (byRule[annotation.ruleId] ?? 0) + 1;
    }
    const current = {
      agreements: inputs.length,
      proposals: results.flat().length,
      byCode,
      byRule: Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b))),
    };
    if (process.env.UPDATE_PROPOSAL_COUNTS === '1') {
      writeFileSync(snapshotFile, JSON.stringify(current, null, 2) + '\n');
    }
    expect(current).toEqual(JSON.parse(readFileSync(snapshotFile, 'utf8')));
  });
});
