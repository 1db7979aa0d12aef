// Run 14 (README of test/fixtures/families): for each labelled family of the eleven seen files, from how many of
// its members' queries discovery (the service's WORDING links at the family threshold, the default bounds, without
// predecessors) is cut by a bound, misses the labelled template, and reaches it once the member bound is 400: the
// templates "never reached" that the member bound alone keeps out.
//   node -r ts-node/register bench/similarity/bound-reach.ts <corpus.sqlite>
import { discoverFamily, wordingFamilyLinks } from '../../src/search/wording/clause-family';
import { ClauseIndex, comparable } from '../../src/search/wording/clause-index';
import { AS_WRITTEN, wordingFeatures } from '../../src/search/wording/wording-features';
import { labelledFamilies, RUN_14_FOLD_FILES } from '../../test/support/family-measure';
import { readProvisionRows } from './provision-rows';

const FILES = RUN_14_FOLD_FILES;
const THRESHOLD = 0.3;
const WIDE_BOUND = { maxMembers: 400, maxDepth: 4 };

async function main(): Promise<void> {
  const rows = await readProvisionRows(process.argv[2]);
  const docs = rows
    .map((r) => ({
      id: Number(r.id),
      agreementId: Number(r.agreement_id),
      pin: r.pin,
      text: r.text || r.summary || '',
    }))
    .filter((d) => comparable(d.text))
    .map((d) => ({ ...d, features: wordingFeatures(d.text, AS_WRITTEN) }));
  const index = ClauseIndex.build(docs);
  const idOf = new Map(docs.map((d) => [d.pin, d.id]));
  const links = (id: number) => Promise.resolve(wordingFamilyLinks(index, id, THRESHOLD));
  for (const file of FILES)
    for (const family of labelledFamilies(file)) {
      const template = idOf.get(family.members[0].pinpoint);
      let cut = 0;
      let missed = 0;
      let reachedWide = 0;
      for (const member of family.members) {
        const id = idOf.get(member.pinpoint);
        if (id === undefined || template === undefined) continue;
        const found = await discoverFamily(id, links);
        if (found.truncated) cut += 1;
        if (found.ids.includes(template)) continue;
        missed += 1;
        if ((await discoverFamily(id, links, WIDE_BOUND)).ids.includes(template)) reachedWide += 1;
      }
      console.log(
        `${file} ${family.name}: ${family.members.length} queries, cut by a bound ${cut}, template not reached ${missed}, reached at ${WIDE_BOUND.maxMembers} members ${reachedWide}`,
      );
    }
}

void main();
