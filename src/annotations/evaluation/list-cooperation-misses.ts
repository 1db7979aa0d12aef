// Lists, for choosing development agreements, the articles of unlabelled agreements (not in either part, not in the
// shared dev set, not a language version of one) that name culture, audiovisual matters or heritage in a cooperation
// context (the cooperation draw's hit: pick-cooperation-agreements.ts) and get no CULTURAL_COOPERATION proposal:
// wordings the rules may not know, found without the test part. On 3 December 2026, after the fifth batch
// (pick-gap-agreements.ts) had shown no cooperation miss, it listed 35 articles of 30 agreements; the labeller read
// their windows and took, as a sixth development batch, every agreement whose listed article could be cooperation
// on culture: 142 Australia - Chile, 344 Turkey - Chile ("cultural collaboration" among the fields of cooperation),
// 8 Trans-Pacific Strategic Economic Partnership (cultural among a series of cooperation fields) and 33 EFTA -
// Tunisia (a recital on relations in the cultural field). The rest were culture as context (labour cooperation
// "taking into account each Party's economy, culture and legal system", "cultural links", differences between the
// parties), intellectual property or crime articles, or policy-space recitals.
// Usage: ts-node src/annotations/evaluation/list-cooperation-misses.ts (reads CORPUS_DIR)
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { annotateAgreement } from '../rules/annotate-agreement';
import { readCorpusAgreement } from './corpus-agreements';
import { COOPERATION_WORD, CULTURE_FIELD } from './pick-cooperation-agreements';
import { eligibleAgreements, labelledAgreements, readMeta } from './pick-random-agreements';

if (require.main === module) {
  for (const meta of eligibleAgreements(readMeta(), labelledAgreements())) {
    const agreement = readCorpusAgreement(meta.id);
    const proposed = new Set(
      annotateAgreement(agreement.input)
        .filter((p) => p.code === TaxonomyCodeId.CULTURAL_COOPERATION)
        .map((p) => p.ref),
    );
    for (const provision of agreement.input.provisions) {
      const text = provision.text.replace(/\s+/g, ' ');
      const headings = `${provision.chapterTitle ?? ''} | ${provision.sectionTitle ?? ''} | ${provision.articleTitle ?? ''}`;
      const hit = CULTURE_FIELD.exec(text);
      if (!hit || proposed.has(provision.ref)) continue;
      if (!COOPERATION_WORD.test(text) && !COOPERATION_WORD.test(headings)) continue;
      console.log(`${meta.id}\t${provision.ref}\t${meta.name}\t${headings}`);
      console.log(`   ${text.slice(Math.max(0, hit.index - 250), hit.index + 200)}`);
    }
  }
}
