// Studies whole clause families offline, as clauseFamily answers them: for every labelled member of the ten
// family files (families.json, fresh.json .. fresh10.json), the family found by a membership rule
// (discoverFamily over exact overlaps counted on the whole corpus), linked by linkFamily (word sequences, the
// parties of each agreement), then scored with the bench's own measure (test/support/family-measure.ts): family
// recall, precision, templates and sources. Rule `run 8` is the service's own code (ClauseIndex,
// wordingFamilyLinks, discoverFamily and its core, linkFamily's template where the seed's line begins); `run 7`
// the same with the earliest member as template; `run 6` the rule before, from overlap counts; each reproduces
// the bench's figures for its code. Used for runs 7 to 11 (README of test/fixtures/families); `run 10 (the service
// before run 11 ...)` is run 10's service code (withPredecessors after discovery), and the `run 10 <family> ...
// <parameter>` rules are run 10's grids, whose output bench/similarity/family-cv.py reads for the leave-one-file-out
// folds; likewise run 11's `run 11 <family> ... <parameter>` grids (on run 10's rule, over the eight files) and
// `run 11 (the service ...)`, the service's code since run 11 (ofAnotherKind in the seed's line).
// Run 12 (over the nine files, fresh8.json added): `CROSSLANG=<family>:<parameter>` compares under another WORDING
// setting (a Spanish-to-English word table, pairs both ways, links across languages, word prefixes; see below) and runs
// run 11's service code under it as `run 12 <family> ... <parameter>`, for family-cv.py's folds.
// Run 13 (over the ten files, fresh9.json added): `run 13 <family> ... <parameter>` are its grids on run 11's rule, each
// holding run 11 as one parameter (-1, 0 or 1.01): template windows (W1-W4), the line stopping at a source of no party in
// common (N1-N3), the seed's source by its distinctive features (R1), the TPP's Spanish text as its English one (T1),
// candidates by word prefixes with links kept on whole words (P1, P2), predecessors on word prefixes (B8) or from a lower
// Jaccard (B9, adopted at 0.12: `run 11 (the service ...)` runs the service's code, so since run 13 with PREDECESSOR_MIN
// 0.12, and gives B9 0.12's figures).
// Run 14 (over eleven files, fresh10.json added): `run 14 <family> ... <parameter>` are caps on overshoot on run 11's
// line (as N1 at 0, which gives run 13's figures): the seed's line stops before a weak predecessor (O1, O5 above the
// seed's own source), a wider source (O2) or a source the member holds only a part of (O3, O4); none adopted.
// Run 15 (over twelve files, fresh11.json added): `run 15 Q1/Q2 ... <J>`, near-copies outside the member bound; none adopted.
// Run 16 (over all thirteen files, fresh12.json added; FILES=15 or 14 for the earlier sets): `run 16 A1..A4 ... <J>`,
// weak links (J to 0.3) admitted when the two articles share an article title word (A2: a rare one) or a taxonomy
// code, and a party (A3: no party); ADMIT_GRID=<J,...> runs some parameters only (one process each); none adopted.
// Run 17 (the same thirteen files): `run 17 C1/C2 ... <J>`, the seed's line stops before a weak source that no member of
// the family corroborates at 0.3 (C2: above the seed's own source), and `run 17 S1 ... <S>`, weak links (from Jaccard
// 0.1) admitted by word-sequence similarity; `run 17 C` runs C1 and C2; none adopted.
// Run 18 (the same thirteen files): rules learned from the labels, fitted outside the study. `run 18 dump` writes every
// step of every line (LEARN_DUMP) for line-stop-fit.ts, and `run 18 L` stops the line by a fitted table (LEARN_TABLE);
// `run 18 S dump` writes each seed's candidate sources (SOURCE_DUMP) for source-fit.ts, and `run 18 S <name>` chooses
// every member's source by the fitted tables of SOURCE_TABLES; none adopted.
// CHAINS=1 prints each query's chain of sources from the seed.
//   node -r ts-node/register bench/similarity/family-study.ts <corpus.sqlite> [rule-name-substring] [--misses]
// --template-of=<pinpoint> (repeatable) prints the template of that provision's family under each rule.
// --misses lists each wrong source and template with its cause: recall (the labelled source or template is not in
// the family found), or the choice among members found.
import { knex } from '@mikro-orm/knex';
import { readFileSync, writeFileSync } from 'node:fs';
import { sortedCommonCount, sortedJaccard } from '../../src/search/similar/sorted-jaccard';
import {
  clauseHeadings,
  discoverFamily,
  FamilyLimits,
  FamilyLink,
  FamilyMemberInput,
  familyOrder,
  linkFamily,
  QUOTED_EARLIER_SHARE,
  QUOTED_MIN_FEATURES,
  QUOTED_SHARE,
  withPredecessors,
  wordingFamilyLinks,
} from '../../src/search/wording/clause-family';
import { ClauseIndex, comparable } from '../../src/search/wording/clause-index';
import { LineStepFacts, lineStopProbability, LineStopTable } from './line-stop-model';
import { chooseSource, SourceCandidateFacts, SourceTable } from './source-model';
import { sequenceSimilarity, sequenceTokens } from '../../src/search/wording/word-sequence';
import {
  AS_WRITTEN,
  spanishEnglish,
  wordingFeatures,
  WordingOptions,
  wordingTokens,
  wordingWords,
} from '../../src/search/wording/wording-features';
import {
  FamilyAnswer,
  labelledFamilies,
  RUN_14_FOLD_FILES,
  RUN_15_FOLD_FILES,
  RUN_16_FOLD_FILES,
  scoreFamily,
} from '../../test/support/family-measure';
import { RawSqlite } from '../search/raw-sqlite';

/** The files studied: all thirteen (run 16), or run 15's twelve with FILES=15, run 14's eleven with FILES=14. */
const FOLD_FILES =
  process.env.FILES === '14'
    ? RUN_14_FOLD_FILES
    : process.env.FILES === '15'
      ? RUN_15_FOLD_FILES
      : RUN_16_FOLD_FILES;
/** Run 15: at most this many members in all when near-copies are not counted (run 14's wide bound). */
const NEAR_COPY_CAP = 400;

interface Doc {
  id: number;
  agreementId: number;
  position: number;
  date: string | null;
  pin: string;
  features: Uint32Array;
  text: string;
  /** The words of its chapter's title (of the article's when it has no chapter): what the clause is about. */
  subject: ReadonlySet<string>;
  /** The words of its chapter's and its article's titles. */
  headings: ReadonlySet<string>;
  /** Run 16: the words of its article's own title (none when it has no title). */
  titleWords: ReadonlySet<string>;
}

interface Hit {
  id: number;
  score: number;
  /** Reached by a down link only (a long article to an earlier short text it holds): not followed further. */
  leaf?: boolean;
}

/** What a rule sees of a candidate pair: sizes, the count shared, the IDF-weighted sizes and shared weight. */
interface Pair {
  a: number;
  b: number;
  c: number;
  wa: number;
  wb: number;
  wc: number;
  /** The candidate was signed before the member (both dated). */
  earlier: boolean;
}

interface Rule {
  /** The link's score (its order) or null for no link. */
  link: (p: Pair) => number | null;
  depth?: number;
  max?: number;
  /** Members are taken closest to the seed first (best-first search) rather than breadth first. */
  bestFirst?: boolean;
  /** The service's own links (the clause index), in place of `link`. */
  service?: (id: number) => Promise<readonly Hit[]>;
  /** Links that `down` accepts (and `link` does not) are leaves: the member they reach is not followed further. */
  down?: (p: Pair) => number | null;
  /**
   * The template is the earliest member of the seed's chain of sources while each step is at least this similar
   * (WORDING Jaccard, or word-sequence similarity with `templateBySequence`), not the earliest member found.
   */
  templateMin?: number;
  templateBySequence?: boolean;
  /**
   * The template is the earliest member of the seed's core: the members reached from the seed through similarity
   * links (WORDING Jaccard at least this, among the members found; no quoting or leaf link), not the earliest
   * member found.
   */
  coreMin?: number;
  /** The core also follows these links: `up` to the longer articles quoting a member, `down` to the earlier texts it quotes. */
  coreLinks?: ('up' | 'down')[];
  /** With templateMin: a weaker step of the chain is followed when it reaches a member of the seed's core (coreMin 0.3). */
  chainCore?: boolean;
  /** The service's template: where the seed's line begins (linkFamily with discoverFamily's core, WEAK_SOURCE). */
  seedLine?: boolean;
  /**
   * Run 9's template rules: the seed's line of sources is followed back from the seed and stops before the first
   * source for which this is true; that member is the template.
   */
  lineStop?: (step: LineStep) => boolean;
  /** Run 18: every member's source is chosen by this table (source-model.ts) among its candidates (candidatesOf). */
  sourceChoice?: SourceTable;
  /** Run 18: called with the query and its seed's candidate sources (the dump of `run 18 S dump`). */
  sourceDump?: (pin: string, candidates: { source: string; facts: SourceCandidateFacts }[]) => void;
  /** Run 18: called with the query and each step lineStop saw, after its decision (the dump of `run 18 dump`). */
  record?: (pin: string, step: LineStep) => void;
  /**
   * Run 10, backward: from the earliest member of the seed's core, the most similar text signed before it (WORDING
   * Jaccard at least this) joins the family and its core, up to `backwardSteps` times: the template's own
   * predecessor, looked for at a lower threshold than the family's.
   */
  backward?: number;
  backwardSteps?: number;
  /** With backward: only a predecessor at least this share as long as the earliest member (features), at most 1/this. */
  backwardSize?: number;
  /** With backward: only a predecessor whose agreement has a party in common with the earliest member's. */
  backwardParty?: boolean;
  /** With backward: only a predecessor at least this similar by word sequence. */
  backwardSequence?: number;
  /** Run 10, the service's own: withPredecessors (clause-family.ts) after discovery. */
  predecessors?: boolean;
  /**
   * Run 11, precision pruning: after discovery, a member other than the seed holding less than this share of
   * the core's distinctive features (see LineStep.coreRareHeld) leaves the family.
   */
  pruneBelow?: number;
  /** Members carry their headings (clauseHeadings): the service's kind-of-clause stop (run 11) applies. */
  kinds?: boolean;
  /** Rules with the same key find the same family and sources (they differ in the template only): computed once. */
  shareKey?: string;
  /** Run 11: a predecessor (withPredecessors) must share a chapter or article heading word with the earliest core member. */
  predecessorSubject?: boolean;
  /**
   * Run 13, template window: after the template is chosen, among the members signed within `days` of it (from the
   * seed's line only, or from the whole family), the one the others are closest to becomes the template: the most
   * members name it as their source (`children`), or the highest mean similarity (Jaccard) to the members of other
   * agreements (`mean`). Ties keep the earlier. A negative `days` is no window (run 11).
   */
  window?: { days: number; among: 'line' | 'family'; by: 'children' | 'mean' };
  /**
   * Run 13, source by distinctive shared runs: the seed's own source is re-chosen among the earlier members of other
   * agreements within this margin (word-sequence similarity) of the source run 11 names, as the one holding the
   * most of the seed's distinctive features (its rarest RARE_SHARE by corpus frequency); ties keep run 11's.
   */
  rareSource?: number;
  /** Run 13, with backward: predecessors are looked up on words cut to this many letters (the Jaccard of those). */
  backwardPrefix?: number;
  /** Run 15: near-copies and the bound on them (FamilyLimits.nearCopy, collapse, maxWithCopies) for discovery. */
  nearCopies?: Pick<FamilyLimits, 'nearCopy' | 'collapse' | 'maxWithCopies'>;
}

/** A family as found and linked, before its template is chosen (shared by rules with the same shareKey). */
interface FoundFamily {
  discovered: { ids: number[]; core?: Set<number> };
  /** Run 14: the core as discovery found it, before withPredecessors added the predecessors to it. */
  similarityCore: ReadonlySet<number>;
  seedRare: Uint32Array;
  coreRare: Uint32Array;
  ids: number[];
  members: FamilyMemberInput[];
  links: FamilyLink[];
}

/** One step of the seed's line of sources, as a template rule sees it. */
interface LineStep {
  /** Steps from the seed so far (0: the seed's own source). */
  at: number;
  member: Uint32Array;
  source: Uint32Array;
  /** Jaccard of member and source (the family's measure). */
  jaccard: number;
  /** The source is in the seed's core (linked to it by similarity links alone). */
  sourceInCore: boolean;
  /** The features every member of the line so far holds (the seed's, then those kept at each step). */
  kept: Uint32Array;
  /** Member and source both have a subject (chapter title words) and share none of its words. */
  otherSubject: boolean;
  /** Run 11: member and source both carry taxonomy codes (annotations not rejected) and share none. */
  otherCodes: boolean;
  /** The member has a subject and none of its words is in the source's headings (chapter and article titles). */
  subjectNotInSource: boolean;
  /** Word-sequence similarity of member and source (the attribution measure). */
  sequence: number;
  /** Years between the member's and the source's signature (0 when either is undated). */
  years: number;
  /** Run 11: the share of the seed's distinctive features (its rarest RARE_SHARE by corpus frequency) the source holds. */
  seedRareHeld: number;
  /** Run 11: the share of the core's distinctive features (held by half the core or more, the rarest RARE_SHARE) the source holds. */
  coreRareHeld: number;
  /** Run 13: the member's and the source's agreements have a party in common. */
  sharedParty: boolean;
  /** Run 14: the source joined the core as a predecessor (withPredecessors), not by similarity from the seed. */
  sourceIsPredecessor: boolean;
  /**
   * Run 17: how many members of the family found, of other agreements than the source's, are at least the family's
   * threshold (0.3, WORDING Jaccard) similar to the source: 0 when the source is held to the family by weak links
   * only (a predecessor, or the closest earlier text of a member found through a quoting link).
   */
  sourceSupport: number;
  /** Run 18: the pinpoints of the member and the source (for the dump the learned rule is fitted on). */
  memberPin: string;
  sourcePin: string;
  /** Run 18: the source has a source of its own among the family's links (the line goes on past it). */
  sourceLinked: boolean;
  /** Run 18: member and source share a word of their chapter and article titles (both titled). */
  headingsShared: boolean;
}

/** The sorted features both hold. */
function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return Uint32Array.from(out);
}

/** The share of `part` that `whole` holds. */
const heldShare = (part: Uint32Array, whole: Uint32Array) =>
  part.length ? intersect(part, whole).length / part.length : 0;

/** heldShare, where no distinctive feature at all holds them all. */
const rareHeld = (part: Uint32Array, whole: Uint32Array) => (part.length ? heldShare(part, whole) : 1);

const THRESHOLD = 0.3;
/** Run 11: a text's distinctive features are its rarest this share (by corpus frequency). */
const RARE_SHARE = 0.3;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [file, only = ''] = args.filter((a) => !a.startsWith('--'));
  const misses = args.includes('--misses');
  const templateOf = args
    .filter((a) => a.startsWith('--template-of='))
    .map((a) => a.slice('--template-of='.length));
  /**
   * Run 12: CROSSLANG=<family>:<parameter> compares under that WORDING setting (X1: Spanish words put into English
   * by the table entries of at least that probability, pairs as translated; X2: the same, a translated text's
   * pairs in both orders; a parameter above 1 is no table, run 11; S1: every word cut to its first <parameter>
   * letters, above 50 whole; S2: X1 at 0.3 and S1; X3: X1 at 0.3, and a translated text and one as written are
   * linked from a similarity of <parameter>, above 1 X1 at 0.3), and adds the rule `run 12 <family> ...
   * <parameter>`, run 11's service code under it, for bench/similarity/family-cv.py (RUN=12).
   */
  const [crossFamily, crossParameter] = (process.env.CROSSLANG ?? '').split(':');
  const crossOptions: WordingOptions =
    crossFamily === 'S1'
      ? { ...AS_WRITTEN, prefix: Number(crossParameter) > 50 ? null : Number(crossParameter) }
      : crossFamily === 'X3'
        ? { translate: spanishEnglish(0.3), bothOrders: false }
        : crossFamily === 'S2'
          ? {
              translate: spanishEnglish(0.3),
              bothOrders: false,
              prefix: Number(crossParameter) > 50 ? null : Number(crossParameter),
            }
          : !crossFamily || Number(crossParameter) > 1
            ? AS_WRITTEN
            : { translate: spanishEnglish(Number(crossParameter)), bothOrders: crossFamily === 'X2' };
  const db = await RawSqlite.open(file);
  const rows = await db.all<{
    id: number;
    agreement_id: number;
    position: number;
    date_signed: string | null;
    pin: string;
    text: string | null;
    summary: string | null;
    chapter_title: string | null;
    article_title: string | null;
  }>(
    `select p.id, p.agreement_id, p.position, a.date_signed, a.slug || '/' || p.key as pin, p.text, p.summary,
     p.chapter_title, p.article_title
     from provision p join agreement a on a.id = p.agreement_id order by p.id`,
  );
  // The parties the service reads (lineageParties, BindingRepository.lineagePartiesOf, since fam26): every party in its
  // own right (no `via`), signatories never bound included (the TPP's twelve wrote its text).
  const bindings = await db.all<{ agreement_id: number; party_code: string }>(
    knex({ client: 'sqlite3', useNullAsDefault: true })
      .select('agreement_id', 'party_code')
      .from('agreement_binding')
      .whereNull('via')
      .orderBy('party_code')
      .toString(),
  );
  const annotations = await db.all<{ provision_id: number; code: string }>(
    `select distinct provision_id, code from annotation where status != 'REJECTED'`,
  );
  await db.close();
  const codesOf = new Map<number, Set<string>>();
  for (const a of annotations)
    (
      codesOf.get(Number(a.provision_id)) ??
      codesOf.set(Number(a.provision_id), new Set()).get(Number(a.provision_id))!
    ).add(a.code);
  const partiesOf = new Map<number, string[]>();
  for (const b of bindings)
    partiesOf.set(Number(b.agreement_id), [...(partiesOf.get(Number(b.agreement_id)) ?? []), b.party_code]);
  const docs: Doc[] = [];
  for (const r of rows) {
    const text = r.text || r.summary || '';
    if (!comparable(text)) continue;
    docs.push({
      id: Number(r.id),
      agreementId: Number(r.agreement_id),
      position: Number(r.position),
      date: r.date_signed ? String(r.date_signed) : null,
      pin: r.pin,
      text,
      features: wordingFeatures(text, crossOptions),
      ...(({ subject, all }) => ({ subject, headings: all }))(
        clauseHeadings(r.chapter_title, r.article_title),
      ),
      titleWords: new Set(wordingTokens(r.article_title ?? '')),
    });
  }
  const byPin = new Map(docs.map((d, i) => [d.pin, i]));
  const byId = new Map(docs.map((d, i) => [d.id, i]));
  const post = new Map<number, number[]>();
  docs.forEach((d, i) => d.features.forEach((f) => (post.get(f) ?? post.set(f, []).get(f)!).push(i)));
  const idf = new Map<number, number>();
  for (const [f, list] of post) idf.set(f, Math.log(docs.length / list.length));
  /** The rarest RARE_SHARE of sorted features, by corpus frequency (at least one), sorted. */
  const rarest = (features: Uint32Array): Uint32Array => {
    const byFrequency = [...features].sort((x, y) => post.get(x)!.length - post.get(y)!.length || x - y);
    return Uint32Array.from(
      byFrequency.slice(0, Math.max(1, Math.ceil(RARE_SHARE * features.length))),
    ).sort();
  };
  const weight = docs.map((d) => d.features.reduce((s, f) => s + idf.get(f)!, 0));
  const counts = new Uint16Array(docs.length);
  const shared = new Float64Array(docs.length);
  const overlapCache = new Map<number, [number, number, number][]>();
  function overlaps(at: number): [number, number, number][] {
    let out = overlapCache.get(at);
    if (out) return out;
    const touched: number[] = [];
    for (const f of docs[at].features) {
      const w = idf.get(f)!;
      for (const d of post.get(f)!) {
        if (counts[d] === 0) touched.push(d);
        counts[d] += 1;
        shared[d] += w;
      }
    }
    out = [];
    for (const d of touched) {
      if (d !== at && counts[d] >= 3) out.push([d, counts[d], shared[d]]);
      counts[d] = 0;
      shared[d] = 0;
    }
    overlapCache.set(at, out);
    return out;
  }
  const seqCache = new Map<number, Int32Array>();
  const seq = (at: number) => seqCache.get(at) ?? seqCache.set(at, sequenceTokens(docs[at].text)).get(at)!;
  const sortedSeqCache = new Map<number, Int32Array>();
  const sortedSeq = (at: number) =>
    sortedSeqCache.get(at) ?? sortedSeqCache.set(at, Int32Array.from(seq(at)).sort()).get(at)!;
  const pairSequence = new Map<string, number>();
  const sequenceOf = (a: number, b: number) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    let out = pairSequence.get(key);
    if (out === undefined) {
      out = sequenceSimilarity(seq(byId.get(a)!), seq(byId.get(b)!));
      pairSequence.set(key, out);
    }
    return out;
  };
  /**
   * Run 18: a member's candidate sources for the learned choice (source-model.ts): the earlier members of other
   * agreements (signed before it, both dated), the SOURCE_CANDIDATES highest by the bound of word-sequence
   * similarity (2 x words in common over the total, as linkFamily's scoreCandidates), and run 13's choice.
   */
  const SOURCE_CANDIDATES = 8;
  const candidatesOf = (
    member: FamilyMemberInput,
    members: FamilyMemberInput[],
    ruleSource: number | null,
    core: ReadonlySet<number> | undefined,
  ): { id: number; facts: SourceCandidateFacts }[] => {
    const own = byId.get(member.id)!;
    const earlier = members.filter(
      (e) =>
        e.agreementId !== member.agreementId &&
        e.dateSigned !== null &&
        member.dateSigned !== null &&
        e.dateSigned < member.dateSigned,
    );
    const bounded = earlier
      .map((e) => {
        const at = byId.get(e.id)!;
        const total = seq(own).length + seq(at).length;
        return { e, bound: total ? (2 * sortedCommonCount(sortedSeq(own), sortedSeq(at))) / total : 0 };
      })
      .sort((x, y) => y.bound - x.bound || x.e.id - y.e.id);
    const picked = bounded.slice(0, SOURCE_CANDIDATES).map((b) => b.e);
    const rule13 = earlier.find((e) => e.id === ruleSource);
    if (rule13 && !picked.includes(rule13)) picked.push(rule13);
    const parties = new Set(member.parties);
    return picked.map((e) => ({
      id: e.id,
      facts: {
        sequence: sequenceOf(member.id, e.id),
        jaccard: sortedJaccard(member.features, e.features),
        sharedParties: e.parties.filter((p) => parties.has(p)).length,
        years: (Date.parse(member.dateSigned!) - Date.parse(e.dateSigned!)) / (365.25 * 86400e3),
        memberSize: member.features.length,
        candidateSize: e.features.length,
        inCore: core?.has(e.id) ?? false,
        ruleChoice: e.id === ruleSource,
      },
    }));
  };
  /** Run 18: the links with every member's source chosen by the table (run 13's line and template rules follow). */
  const relink = (
    members: FamilyMemberInput[],
    links: FamilyLink[],
    core: ReadonlySet<number> | undefined,
    table: SourceTable,
  ): FamilyLink[] => {
    const memberOf = new Map(members.map((m) => [m.id, m]));
    return links.map((link) => {
      const candidates = candidatesOf(memberOf.get(link.id)!, members, link.sourceId, core);
      if (!candidates.length) return link;
      const chosen =
        candidates[
          chooseSource(
            candidates.map((c) => c.facts),
            table,
          )
        ];
      return { ...link, sourceId: chosen.id, score: chosen.facts.jaccard };
    });
  };

  const jac = (p: Pair, t: number) => (p.c / (p.a + p.b - p.c) >= t ? p.c / (p.a + p.b - p.c) : null);
  /** The run-6 rule: Jaccard >= 0.3, or the longer articles holding QUOTED_SHARE of the member's features. */
  const quoted = (p: Pair, share = QUOTED_SHARE, least = QUOTED_MIN_FEATURES) =>
    p.b >= p.a && p.c >= least && p.c >= share * p.a - 1e-9 ? p.c / (p.a + p.b - p.c) : null;
  const wjac = (p: Pair) => p.wc / (p.wa + p.wb - p.wc);
  /** From a long article to an earlier short text it holds nearly whole (the source it quoted). */
  const quotedEarlier = (p: Pair, share = QUOTED_SHARE, least = QUOTED_MIN_FEATURES) =>
    p.earlier && p.b < p.a && p.c >= least && p.c >= share * p.b - 1e-9 ? p.c / (p.a + p.b - p.c) : null;
  const base = (p: Pair) => jac(p, THRESHOLD) ?? quoted(p);
  const down7 = (p: Pair) => jac(p, THRESHOLD) ?? quoted(p) ?? quotedEarlier(p, 0.7);
  const index = ClauseIndex.build(docs.map((d) => ({ ...d, dateSigned: d.date })));
  /** X3: a translated text and one as written are linked from this similarity (under the family's threshold). */
  const crossMin = crossFamily === 'X3' ? Number(crossParameter) : null;
  const translatedDoc =
    crossMin === null || crossMin > 1
      ? null
      : new Set(docs.filter((d) => wordingWords(d.text, crossOptions).translated).map((d) => d.id));
  const service = (id: number) =>
    Promise.resolve(
      translatedDoc === null
        ? wordingFamilyLinks(index, id, THRESHOLD)
        : (() => {
            const links = wordingFamilyLinks(index, id, THRESHOLD);
            const seen = new Set(links.map((hit) => hit.id));
            const across = index
              .neighboursOf(id, crossMin!)
              .filter(
                (hit) =>
                  !seen.has(hit.id) &&
                  translatedDoc.has(hit.id) !== translatedDoc.has(id) &&
                  index.agreementOf(hit.id) !== index.agreementOf(id),
              );
            return [...links, ...across].sort((x, y) => y.score - x.score || x.id - y.id);
          })(),
    );
  /** The service's links, where a longer article quoting the member and `ratio` times longer is a leaf. */
  const upLeaf = (ratio: number) => (id: number) =>
    Promise.resolve(
      wordingFamilyLinks(index, id, THRESHOLD).map((hit) =>
        hit.quoting && !hit.leaf && index.wordingOf(hit.id)!.length > ratio * index.wordingOf(id)!.length
          ? { ...hit, leaf: true }
          : hit,
      ),
    );
  /** Run 8's stop: a source sharing less than `weak` of the member (Jaccard) and outside the core. */
  const weakOutside = (x: LineStep, weak = 0.1) => x.jaccard < weak && !x.sourceInCore;
  /** Run 9's stop above the seed's own source: outside the core, weak or a shorter text the member quotes. */
  const run9Stop = (x: LineStep) =>
    !x.sourceInCore && (x.jaccard < 0.1 || heldShare(x.source, x.member) >= QUOTED_EARLIER_SHARE);
  /** Run 9's line, by lineStop: run 8's weak stop at every step, run 9's quoted stop above the seed's own source. */
  const run9Line = (x: LineStep) => weakOutside(x) || (x.at > 0 && run9Stop(x));
  /** Run 10's candidate rule families (README, run 10): each a parameter grid, chosen by leave-one-file-out. */
  const run10: Record<string, Rule> = {};
  for (const t of [0.05, 0.1, 0.15, 0.2, 0.25])
    run10[`run 10 T1 weak ${t}`] = {
      link: () => null,
      service,
      lineStop: (x) => weakOutside(x, t) || (x.at > 0 && run9Stop(x)),
    };
  for (const t of [0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    run10[`run 10 T2 above seed J ${t}`] = {
      link: () => null,
      service,
      lineStop: (x) => run9Line(x) || (x.at > 0 && x.jaccard < t),
    };
  for (const t of [0, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55])
    run10[`run 10 T3 above seed S ${t}`] = {
      link: () => null,
      service,
      lineStop: (x) => run9Line(x) || (x.at > 0 && x.sequence < t),
    };
  for (const y of [1000, 30, 20, 15, 10, 5])
    run10[`run 10 T4 above seed years ${y}`] = {
      link: () => null,
      service,
      lineStop: (x) => run9Line(x) || (x.at > 0 && x.years > y),
    };
  for (const t of [0, 0.2, 0.25, 0.3, 0.35, 0.4])
    run10[`run 10 T5 any step S ${t}`] = {
      link: () => null,
      service,
      lineStop: (x) => run9Line(x) || x.sequence < t,
    };
  for (const t of [0.3, 0.27, 0.25, 0.22, 0.2])
    run10[`run 10 M1 threshold ${t}`] = {
      link: () => null,
      service: (id) => Promise.resolve(wordingFamilyLinks(index, id, t)),
      lineStop: run9Line,
    };
  for (const max of [60, 40, 80, 100])
    run10[`run 10 M2 max ${max}`] = { link: () => null, service, max, lineStop: run9Line };
  for (const depth of [4, 3, 5, 6])
    run10[`run 10 M3 depth ${depth}`] = { link: () => null, service, depth, lineStop: run9Line };
  for (const t of [1, 0.27, 0.25, 0.22, 0.2, 0.18, 0.15])
    run10[`run 10 B1 backward ${t}`] = {
      link: () => null,
      service,
      lineStop: run9Line,
      backward: t,
      backwardSteps: 3,
    };
  for (const t of [1, 0.27, 0.25, 0.22, 0.2, 0.18, 0.15])
    run10[`run 10 B2 backward once ${t}`] = { link: () => null, service, lineStop: run9Line, backward: t };
  for (const t of [1, 0.25, 0.22, 0.2, 0.18, 0.15])
    run10[`run 10 B3 backward alike size ${t}`] = {
      link: () => null,
      service,
      lineStop: run9Line,
      backward: t,
      backwardSteps: 3,
      backwardSize: 0.5,
    };
  for (const t of [1, 0.25, 0.22, 0.2, 0.18, 0.15])
    run10[`run 10 B4 backward party ${t}`] = {
      link: () => null,
      service,
      lineStop: run9Line,
      backward: t,
      backwardSteps: 3,
      backwardParty: true,
    };
  for (const t of [1, 0.25, 0.22, 0.2, 0.18, 0.15])
    run10[`run 10 B5 backward sequence 0.4 ${t}`] = {
      link: () => null,
      service,
      lineStop: run9Line,
      backward: t,
      backwardSteps: 3,
      backwardSequence: 0.4,
    };
  for (const s of [1, 0.5, 0.45, 0.4, 0.35])
    run10[`run 10 B6 backward J 0.2 sequence ${s}`] = {
      link: () => null,
      service,
      lineStop: run9Line,
      backward: 0.2,
      backwardSteps: 3,
      backwardSequence: s,
    };
  /** Run 11's candidate rule families (README, run 11): each on run 10's rule, a parameter grid chosen by leave-one-file-out. */
  const run11: Record<string, Rule> = {};
  const run10Rule = { link: () => null, service, predecessors: true, shareKey: 'run 10' } as const;
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 1.01])
    run11[`run 11 K1 other subject J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || (x.otherSubject && x.jaccard < t),
    };
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 1.01])
    run11[`run 11 K2 subject not in headings J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || (x.subjectNotInSource && x.jaccard < t),
    };
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 1.01])
    run11[`run 11 K3 other subject above the seed source J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || (x.at > 0 && x.otherSubject && x.jaccard < t),
    };
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 1.01])
    run11[`run 11 K4 other taxonomy codes J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || (x.otherCodes && x.jaccard < t),
    };
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 1.01])
    run11[`run 11 K5 subject not in headings above the seed source J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || (x.at > 0 && x.subjectNotInSource && x.jaccard < t),
    };
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 1.01])
    run11[`run 11 K6 subject not in headings or other codes J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || ((x.subjectNotInSource || x.otherCodes) && x.jaccard < t),
    };
  for (const t of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    run11[`run 11 D1 seed rare held ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || x.seedRareHeld < t,
    };
  for (const t of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    run11[`run 11 D2 core rare held ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || x.coreRareHeld < t,
    };
  for (const t of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    run11[`run 11 D3 core rare held above the seed source ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run9Line(x) || (x.at > 0 && x.coreRareHeld < t),
    };
  for (const t of [0, 0.05, 0.1, 0.15, 0.2, 0.3])
    run11[`run 11 P1 prune core rare ${t}`] = {
      ...run10Rule,
      shareKey: t === 0 ? 'run 10' : undefined,
      lineStop: run9Line,
      pruneBelow: t,
    };
  for (const t of [1, 0.25, 0.22, 0.2, 0.18, 0.15])
    run11[`run 11 B7 backward party subject ${t}`] = {
      link: () => null,
      service,
      lineStop: run9Line,
      backward: t,
      backwardSteps: 3,
      backwardParty: true,
      predecessorSubject: true,
    };
  const run12: Record<string, Rule> = {};
  if (crossFamily)
    run12[
      `run 12 ${crossFamily} ${{ X1: 'Spanish into English', X2: 'Spanish into English, pairs both ways', S1: 'words cut to a prefix of', X3: 'Spanish into English (0.3), links across languages from', S2: 'Spanish into English (0.3), words cut to a prefix of' }[crossFamily]} ${crossParameter}`
    ] = { link: () => null, service, seedLine: true, predecessors: true, kinds: true };
  /** Run 13's candidate rule families (README, run 13): each on run 11's rule, a grid chosen by leave-one-file-out. */
  const run13: Record<string, Rule> = {};
  const run11Rule = {
    link: () => null,
    service,
    seedLine: true,
    predecessors: true,
    kinds: true,
    shareKey: 'run 11',
  } as const;
  const windowFamilies = {
    W1: { among: 'line', by: 'children' },
    W2: { among: 'line', by: 'mean' },
    W3: { among: 'family', by: 'children' },
    W4: { among: 'family', by: 'mean' },
  } as const;
  for (const [family, how] of Object.entries(windowFamilies))
    for (const days of [-1, 0, 90, 365, 730, 1095, 1826, 3652])
      run13[`run 13 ${family} template window ${how.among} ${how.by} ${days}`] = {
        ...run11Rule,
        window: { days, ...how },
      };
  /** Run 11's line by lineStop (run 9's stops and K2 at 0.3, ofAnotherKind), on run 10's family. */
  const run11Line = (x: LineStep) => run9Line(x) || (x.subjectNotInSource && x.jaccard < 0.3);
  for (const t of [0, 0.2, 0.3, 0.4, 0.5, 0.7, 1.01]) {
    run13[`run 13 N1 stop before a source of no party in common under J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (!x.sharedParty && x.jaccard < t),
    };
    run13[`run 13 N2 above the seed source, stop before a source of no party in common under J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (x.at > 0 && !x.sharedParty && x.jaccard < t),
    };
    run13[`run 13 N3 stop before a source of no party in common under word sequence ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (!x.sharedParty && x.sequence < t),
    };
  }
  for (const margin of [-1, 0, 0.02, 0.05, 0.1, 0.2])
    run13[`run 13 R1 source by distinctive features within ${margin}`] = { ...run11Rule, rareSource: margin };
  /** T1: the TPP's Spanish text (key `<article>.es`) counts as its English article: its links are the article's. */
  const twinOf = new Map<number, number>();
  for (const d of docs) {
    if (!d.pin.endsWith('.es')) continue;
    const english = byPin.get(d.pin.slice(0, -3));
    if (english !== undefined && docs[english].agreementId === d.agreementId) {
      twinOf.set(d.id, docs[english].id);
      twinOf.set(docs[english].id, d.id);
    }
  }
  const isSpanishTwin = (id: number) => twinOf.has(id) && docs[byId.get(id)!].pin.endsWith('.es');
  const oneText = (id: number): Promise<readonly Hit[]> => {
    const twin = twinOf.get(id);
    const all = [
      ...wordingFamilyLinks(index, id, THRESHOLD),
      ...(twin ? wordingFamilyLinks(index, twin, THRESHOLD) : []),
    ];
    const best = new Map<number, Hit>();
    for (const hit of all) {
      const to = isSpanishTwin(hit.id) ? twinOf.get(hit.id)! : hit.id;
      if (to === id || to === twin) continue;
      const prior = best.get(to);
      if (!prior || hit.score > prior.score || (prior.leaf && !hit.leaf)) best.set(to, { ...hit, id: to });
    }
    return Promise.resolve([...best.values()].sort((x, y) => y.score - x.score || x.id - y.id));
  };
  if (!only || 'run 13 T1'.includes(only) || only.includes('T1')) {
    run13['run 13 T1 the TPP in Spanish as its English text 0'] = { ...run11Rule };
    run13['run 13 T1 the TPP in Spanish as its English text 1'] = {
      ...run11Rule,
      shareKey: undefined,
      service: oneText,
    };
  }
  /** P1/P2: candidates by words cut to a prefix, a link kept when the whole words share at least the parameter. */
  const prefixIndexes = new Map<number, ClauseIndex>();
  const prefixIndex = (letters: number) =>
    prefixIndexes.get(letters) ??
    prefixIndexes
      .set(
        letters,
        ClauseIndex.build(
          docs.map((d) => ({
            ...d,
            dateSigned: d.date,
            features: wordingFeatures(d.text, { ...crossOptions, prefix: letters }),
          })),
        ),
      )
      .get(letters)!;
  const prefixed = (letters: number, min: number) => (id: number) => {
    const own = wordingFamilyLinks(index, id, THRESHOLD);
    const seen = new Set(own.map((hit) => hit.id));
    const whole = docs[byId.get(id)!].features;
    const extra = prefixIndex(letters)
      .neighboursOf(id, THRESHOLD)
      .filter((hit) => !seen.has(hit.id))
      .map((hit) => ({ id: hit.id, score: sortedJaccard(whole, docs[byId.get(hit.id)!].features) }))
      .filter((hit) => hit.score >= min);
    return Promise.resolve([...own, ...extra].sort((x, y) => y.score - x.score || x.id - y.id));
  };
  for (const [family, letters] of [
    ['P1', 6],
    ['P2', 5],
  ] as const)
    if (!only || only.includes(family) || only === 'run 13')
      for (const min of [1.01, 0.25, 0.22, 0.2, 0.18, 0.15])
        run13[`run 13 ${family} candidates by ${letters}-letter prefixes, whole words at least ${min}`] =
          min > 1 ? { ...run11Rule } : { ...run11Rule, shareKey: undefined, service: prefixed(letters, min) };
  for (const t of [1.01, 0.3, 0.27, 0.25, 0.22, 0.2, 0.18])
    run13[`run 13 B8 predecessors on 6-letter prefixes, party in common ${t}`] =
      t > 1
        ? { ...run11Rule }
        : {
            ...run11Rule,
            shareKey: undefined,
            backward: t,
            backwardSteps: 3,
            backwardParty: true,
            backwardPrefix: 6,
          };
  for (const t of [0.22, 0.2, 0.18, 0.15, 0.12, 0.1])
    run13[`run 13 B9 run 11 with its predecessors from Jaccard ${t}`] = {
      link: () => null,
      service,
      seedLine: true,
      kinds: true,
      backward: t,
      backwardSteps: 3,
      backwardParty: true,
    };
  /**
   * Run 14's candidate rule families (README, run 14), each on run 11's line (run 10's family with run 11's stops, as
   * N1 at 0) and holding it as one parameter: a cap on overshoot, the seed's line stopping before an older text that
   * is a weak predecessor (O1 at every step, O5 above the seed's own source), a much wider text (O2), or one the member
   * holds only a part of (O3 at every step, O4 above the seed's own source).
   */
  const run14: Record<string, Rule> = {};
  /** The share of the source's features that the member holds. */
  const sourceHeld = (x: LineStep) => sortedCommonCount(x.member, x.source) / Math.max(x.source.length, 1);
  for (const t of [0, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25])
    run14[`run 14 O1 stop before a predecessor under J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (x.sourceIsPredecessor && x.jaccard < t),
    };
  for (const t of [0, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25])
    run14[`run 14 O5 above the seed source, stop before a predecessor under J ${t}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (x.at > 0 && x.sourceIsPredecessor && x.jaccard < t),
    };
  for (const r of [99, 4, 3, 2.5, 2, 1.5])
    run14[`run 14 O2 stop before a source under J 0.3 and wider by ${r}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (x.jaccard < THRESHOLD && x.source.length >= r * x.member.length),
    };
  for (const share of [0, 0.2, 0.25, 0.3, 0.35, 0.4]) {
    run14[`run 14 O3 stop before a source the member holds under a share of ${share}`] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || sourceHeld(x) < share,
    };
    run14[
      `run 14 O4 above the seed source, stop before a source the member holds under a share of ${share}`
    ] = {
      ...run10Rule,
      lineStop: (x) => run11Line(x) || (x.at > 0 && sourceHeld(x) < share),
    };
  }
  /**
   * Run 15's candidate rule families (README, run 15), each on the service's rule (run 13) and holding it as its
   * parameter 1.01 (no near-copy): a member reached by a similarity link at least <parameter> similar (WORDING
   * Jaccard) from a member already admitted is a near-copy and does not count toward the member bound of 60 (Q1),
   * and also takes that member's step, one node for the walk (Q2); at most NEAR_COPY_CAP members in all.
   */
  const run15: Record<string, Rule> = {};
  const serviceRule = { link: () => null, service, seedLine: true, predecessors: true, kinds: true } as const;
  for (const t of [1.01, 0.95, 0.9, 0.85, 0.8, 0.7]) {
    run15[`run 15 Q1 near-copies not counted toward the bound from J ${t}`] = {
      ...serviceRule,
      nearCopies: { nearCopy: t, maxWithCopies: NEAR_COPY_CAP },
    };
    run15[`run 15 Q2 near-copies one node with the member they copy from J ${t}`] = {
      ...serviceRule,
      nearCopies: { nearCopy: t, collapse: true, maxWithCopies: NEAR_COPY_CAP },
    };
  }
  /**
   * Run 16's candidate rule families (README, run 16), each on the service's rule (run 13) and holding it as its
   * parameter 1.01: ADMISSION of a weak link. A provision at least <parameter> similar (WORDING Jaccard), under the
   * family's threshold, of another agreement, is also linked (a similarity link, followed further) when the two
   * share a word of their article titles and their agreements a party (A1); a title word in at most TITLE_RARE of
   * the titled provisions (A2, not `cooperation` or `general`) and a party; a title word, party or not (A3); a
   * taxonomy code other than OTHER and a party (A4).
   */
  const run16: Record<string, Rule> = {};
  const TITLE_RARE = 0.005;
  const titleCount = new Map<string, number>();
  let titled = 0;
  for (const d of docs) {
    if (d.titleWords.size) titled += 1;
    for (const w of d.titleWords) titleCount.set(w, (titleCount.get(w) ?? 0) + 1);
  }
  const sharesParty = (a: Doc, b: Doc) => {
    const own = new Set(partiesOf.get(a.agreementId) ?? []);
    return (partiesOf.get(b.agreementId) ?? []).some((party) => own.has(party));
  };
  const sharesTitle = (a: Doc, b: Doc, rare: boolean) =>
    [...a.titleWords].some(
      (w) => b.titleWords.has(w) && (!rare || titleCount.get(w)! <= TITLE_RARE * titled),
    );
  const sharesCode = (a: Doc, b: Doc) =>
    [...(codesOf.get(a.id) ?? [])].some((c) => c !== 'OTHER' && codesOf.get(b.id)?.has(c));
  const admitted = (min: number, admit: (a: Doc, b: Doc) => boolean) => (id: number) => {
    const own = wordingFamilyLinks(index, id, THRESHOLD);
    const seen = new Set(own.map((hit) => hit.id));
    const d = docs[byId.get(id)!];
    const extra = index.neighboursOf(id, min).filter((hit) => {
      if (seen.has(hit.id)) return false;
      const other = docs[byId.get(hit.id)!];
      return other.agreementId !== d.agreementId && admit(d, other);
    });
    return Promise.resolve([...own, ...extra]);
  };
  const admissions = {
    A1: ['a title word and a party', (a: Doc, b: Doc) => sharesTitle(a, b, false) && sharesParty(a, b)],
    A2: ['a rare title word and a party', (a: Doc, b: Doc) => sharesTitle(a, b, true) && sharesParty(a, b)],
    A3: ['a title word', (a: Doc, b: Doc) => sharesTitle(a, b, false)],
    A4: ['a taxonomy code and a party', (a: Doc, b: Doc) => sharesCode(a, b) && sharesParty(a, b)],
  } as const;
  for (const [family, [what, admit]] of Object.entries(admissions))
    if (!only || only.includes(family) || only === 'run 16')
      for (const t of (process.env.ADMIT_GRID ?? '1.01,0.25,0.2,0.15,0.12,0.1').split(',').map(Number))
        run16[`run 16 ${family} weak links admitted sharing ${what} from J ${t}`] =
          t > 1 ? { ...serviceRule, shareKey: 'run 13' } : { ...serviceRule, service: admitted(t, admit) };
  /**
   * Run 17's candidate rule families (README, run 17), each on run 13's rule (run 10's family with run 11's line, as
   * run 14's O rules, which gives the service's figures at the parameter 0 or 99) and holding it as one parameter.
   * C1, a template rule: the seed's line stops before a source less than <parameter> similar to the member (WORDING
   * Jaccard) that no member of the family (of another agreement) is at least 0.3 similar to: an earlier text held to
   * the family by one weak link is not the template unless the family corroborates it. C2: C1 above the seed's own
   * source only. S1, admission beyond titles: a provision of another agreement at least 0.1 similar (Jaccard) and at
   * least <parameter> similar by word sequence (2 LCS / (m + n), the attribution measure) is also a similarity link.
   */
  const run17: Record<string, Rule> = {};
  /** `run 17 C` runs C1 and C2, `run 17 C1` C1 alone. */
  const family17 = (name: string) =>
    !only || only.includes(name) || (only.startsWith('run 17') && name.startsWith(only.slice(7)));
  for (const t of (process.env.RUN17_GRID ?? '0,0.15,0.2,0.25,0.3').split(',').map(Number)) {
    if (family17('C1'))
      run17[`run 17 C1 stop before an uncorroborated source under J ${t}`] = {
        ...run10Rule,
        lineStop: (x) => run11Line(x) || (x.sourceSupport === 0 && x.jaccard < t),
      };
    if (family17('C2'))
      run17[`run 17 C2 above the seed source, stop before an uncorroborated source under J ${t}`] = {
        ...run10Rule,
        lineStop: (x) => run11Line(x) || (x.at > 0 && x.sourceSupport === 0 && x.jaccard < t),
      };
  }
  const SEQUENCE_FLOOR = 0.1;
  const bySequence = (min: number) => (id: number) => {
    const own = wordingFamilyLinks(index, id, THRESHOLD);
    const seen = new Set(own.map((hit) => hit.id));
    const at = byId.get(id)!;
    const extra = index
      .neighboursOf(id, SEQUENCE_FLOOR)
      .filter(
        (hit) =>
          !seen.has(hit.id) &&
          index.agreementOf(hit.id) !== index.agreementOf(id) &&
          sequenceSimilarity(seq(at), seq(byId.get(hit.id)!)) >= min,
      );
    return Promise.resolve([...own, ...extra]);
  };
  if (family17('S1'))
    for (const t of (process.env.RUN17_SGRID ?? '99,0.6,0.5,0.4').split(',').map(Number))
      run17[`run 17 S1 weak links admitted by word sequence from ${t}`] =
        t > 1 ? { ...serviceRule, shareKey: 'run 13' } : { ...serviceRule, service: bySequence(t) };
  /**
   * Run 18 (the same thirteen files): the seed's line stops where a logistic regression fitted on the labels says
   * (line-stop-model.ts, fitted by line-stop-fit.ts). `run 18 dump` follows
   * every line to its end and writes each step's facts to LEARN_DUMP (the fitter's input); `run 18 L`, with
   * LEARN_TABLE (a JSON LineStopTable, line-stop-fit.ts --table=), stops where the table's probability is 0.5 or more.
   */
  const factsOf = (x: LineStep): LineStepFacts => ({
    at: x.at,
    jaccard: x.jaccard,
    sequence: x.sequence,
    sourceInCore: x.sourceInCore,
    sourceIsPredecessor: x.sourceIsPredecessor,
    sharedParty: x.sharedParty,
    years: x.years,
    otherSubject: x.otherSubject,
    subjectNotInSource: x.subjectNotInSource,
    headingsShared: x.headingsShared,
    memberSize: x.member.length,
    sourceSize: x.source.length,
    sourceHeld: heldShare(x.source, x.member),
    keptHeld: x.kept.length ? heldShare(x.kept, x.source) : 0,
    sourceSupport: x.sourceSupport,
    sourceLinked: x.sourceLinked,
    ruleStop: run11Line(x),
  });
  const learnDump: { pin: string; member: string; source: string; facts: LineStepFacts }[] = [];
  const table: LineStopTable | null = process.env.LEARN_TABLE
    ? (JSON.parse(readFileSync(process.env.LEARN_TABLE, 'utf8')) as LineStopTable)
    : null;
  const run18: Record<string, Rule> = {
    'run 18 dump (every line to its end)': {
      ...run10Rule,
      lineStop: () => false,
      record: (pin, x) =>
        learnDump.push({ pin, member: x.memberPin, source: x.sourcePin, facts: factsOf(x) }),
    },
    ...(table && {
      'run 18 L (the learned line stop)': {
        ...run10Rule,
        lineStop: (x: LineStep) => lineStopProbability(factsOf(x), table) >= 0.5,
      },
    }),
  };
  const sourceDump: { pin: string; candidates: { source: string; facts: SourceCandidateFacts }[] }[] = [];
  run18['run 18 S dump (the seed candidate sources)'] = {
    ...run10Rule,
    shareKey: undefined,
    lineStop: run11Line,
    sourceDump: (pin, candidates) => sourceDump.push({ pin, candidates }),
  };
  /** SOURCE_TABLES: a JSON object of named SourceTables (source-fit.ts --tables=), each the rule `run 18 S <name>`. */
  if (process.env.SOURCE_TABLES)
    for (const [name, sourceTable] of Object.entries(
      JSON.parse(readFileSync(process.env.SOURCE_TABLES, 'utf8')) as Record<string, SourceTable>,
    ))
      run18[`run 18 S ${name}`] = {
        ...run10Rule,
        shareKey: undefined,
        lineStop: run11Line,
        sourceChoice: sourceTable,
      };
  const rules: Record<string, Rule> = {
    ...run18,
    ...run17,
    ...run16,
    ...run15,
    ...run14,
    ...run13,
    ...run12,
    'run 11 (the service: run 10, and the line stops before a source of another kind, ofAnotherKind)': {
      link: () => null,
      service,
      seedLine: true,
      predecessors: true,
      kinds: true,
    },
    'run 10 (the service before run 11: run 9, and the predecessors of the core sharing a party, withPredecessors)':
      {
        link: () => null,
        service,
        lineStop: run9Line,
        predecessors: true,
      },
    ...run11,
    ...run10,
    'run 9 base (run 8 by lineStop)': { link: () => null, service, lineStop: (x) => weakOutside(x) },
    'run 9 weak 0.15': { link: () => null, service, lineStop: (x) => weakOutside(x, 0.15) },
    'run 9 weak 0.2': { link: () => null, service, lineStop: (x) => weakOutside(x, 0.2) },
    'run 9 quoted source outside core': {
      link: () => null,
      service,
      lineStop: (x) =>
        weakOutside(x) || (!x.sourceInCore && heldShare(x.source, x.member) >= QUOTED_EARLIER_SHARE),
    },
    'run 9 quoted source outside core, not at the seed': {
      link: () => null,
      service,
      lineStop: (x) => (x.at === 0 && weakOutside(x)) || (x.at > 0 && run9Stop(x)),
    },
    'run 9 and, above the seed source, a weak source of another subject': {
      link: () => null,
      service,
      lineStop: (x) =>
        (x.at === 0 && weakOutside(x)) || (x.at > 0 && (run9Stop(x) || (x.jaccard < 0.3 && x.otherSubject))),
    },
    'run 9 and, above the seed source, a weak source whose headings miss the member subject': {
      link: () => null,
      service,
      lineStop: (x) =>
        (x.at === 0 && weakOutside(x)) ||
        (x.at > 0 && (run9Stop(x) || (x.jaccard < 0.3 && x.subjectNotInSource))),
    },
    'run 9 and, above the seed source, any source of another subject': {
      link: () => null,
      service,
      lineStop: (x) => (x.at === 0 && weakOutside(x)) || (x.at > 0 && (run9Stop(x) || x.otherSubject)),
    },
    'run 9 and a weak source of another subject, the seed too': {
      link: () => null,
      service,
      lineStop: (x) =>
        (x.at === 0 && (weakOutside(x) || (x.jaccard < 0.3 && x.otherSubject))) ||
        (x.at > 0 && (run9Stop(x) || (x.jaccard < 0.3 && x.otherSubject))),
    },
    'run 9 weak 0.15, not at the seed': {
      link: () => null,
      service,
      lineStop: (x) => (x.at === 0 ? weakOutside(x) : weakOutside(x, 0.15)),
    },
    'run 9 quoted weak source outside core 0.3': {
      link: () => null,
      service,
      lineStop: (x) =>
        weakOutside(x) ||
        (!x.sourceInCore && x.jaccard < 0.3 && heldShare(x.source, x.member) >= QUOTED_EARLIER_SHARE),
    },
    'run 9 kept 0.5 after first': {
      link: () => null,
      service,
      lineStop: (x) => weakOutside(x) || (x.at > 0 && heldShare(x.kept, x.source) < 0.5),
    },
    'run 9 kept 0.3 after first': {
      link: () => null,
      service,
      lineStop: (x) => weakOutside(x) || (x.at > 0 && heldShare(x.kept, x.source) < 0.3),
    },
    'run 9 kept 0.5': {
      link: () => null,
      service,
      lineStop: (x) => weakOutside(x) || heldShare(x.kept, x.source) < 0.5,
    },
    'run 9 kept 0.3': {
      link: () => null,
      service,
      lineStop: (x) => weakOutside(x) || heldShare(x.kept, x.source) < 0.3,
    },
    'run 8, longer quoting articles x2 as leaves': { link: () => null, service: upLeaf(2), seedLine: true },
    'run 8, longer quoting articles x3 as leaves': { link: () => null, service: upLeaf(3), seedLine: true },
    'run 8, longer quoting articles x5 as leaves': { link: () => null, service: upLeaf(5), seedLine: true },
    'run 9 (the service: run 8, and above the seed source a quoted source outside the core)': {
      link: () => null,
      service,
      seedLine: true,
    },
    'run 7 tmpl J 0.2': { link: () => null, service, templateMin: 0.2 },
    'run 7 tmpl J 0.25': { link: () => null, service, templateMin: 0.25 },
    'run 7 tmpl J 0.3': { link: () => null, service, templateMin: 0.3 },
    'run 7 tmpl S 0.2': { link: () => null, service, templateMin: 0.2, templateBySequence: true },
    'run 7 tmpl S 0.3': { link: () => null, service, templateMin: 0.3, templateBySequence: true },
    'run 7 tmpl S 0.15': { link: () => null, service, templateMin: 0.15, templateBySequence: true },
    'run 7 tmpl S 0.25': { link: () => null, service, templateMin: 0.25, templateBySequence: true },
    'run 7 tmpl S 0.2 or core': {
      link: () => null,
      service,
      templateMin: 0.2,
      templateBySequence: true,
      chainCore: true,
    },
    'run 7 tmpl J 0.1 or core': { link: () => null, service, templateMin: 0.1, chainCore: true },
    'run 7 tmpl J 0.15 or core': { link: () => null, service, templateMin: 0.15, chainCore: true },
    'run 7 tmpl J 0.2 or core': { link: () => null, service, templateMin: 0.2, chainCore: true },
    'run 7 core 0.3': { link: () => null, service, coreMin: 0.3 },
    'run 7 core 0.35': { link: () => null, service, coreMin: 0.35 },
    'run 7 core 0.4': { link: () => null, service, coreMin: 0.4 },
    'run 7 core up': { link: () => null, service, coreMin: 0.3, coreLinks: ['up'] },
    'run 7 core down': { link: () => null, service, coreMin: 0.3, coreLinks: ['down'] },
    'run 7 (the service: the clause index and wordingFamilyLinks)': {
      link: () => null,
      service: (id) => Promise.resolve(wordingFamilyLinks(index, id, THRESHOLD)),
    },
    'down7 leaf': { link: base, down: (p) => quotedEarlier(p, 0.7) },
    'down8 leaf': { link: base, down: (p) => quotedEarlier(p, 0.8) },
    'down6 leaf': { link: base, down: (p) => quotedEarlier(p, 0.6) },
    'down7 leaf any date': { link: base, down: (p) => quotedEarlier({ ...p, earlier: true }, 0.7) },
    'down7 min24': { link: (p) => base(p) ?? quotedEarlier(p, 0.7, 24) },
    down75: { link: (p) => base(p) ?? quotedEarlier(p, 0.75) },
    'down7 best first': { link: down7, bestFirst: true },
    'down7 best first max 80': { link: down7, bestFirst: true, max: 80 },
    'run 6, best first max 80': { link: base, bestFirst: true, max: 80 },
    'tmpl J 0.2': { link: base, templateMin: 0.2 },
    'tmpl J 0.25': { link: base, templateMin: 0.25 },
    'tmpl J 0.3': { link: base, templateMin: 0.3 },
    'tmpl S 0.3': { link: base, templateMin: 0.3, templateBySequence: true },
    'tmpl S 0.4': { link: base, templateMin: 0.4, templateBySequence: true },
    'tmpl S 0.5': { link: base, templateMin: 0.5, templateBySequence: true },
    'down7 tmpl J 0.25': { link: down7, templateMin: 0.25 },
    'down7 tmpl S 0.4': { link: down7, templateMin: 0.4, templateBySequence: true },
    'down earlier 0.8': { link: (p) => jac(p, THRESHOLD) ?? quoted(p) ?? quotedEarlier(p) },
    'down earlier 0.9': { link: (p) => jac(p, THRESHOLD) ?? quoted(p) ?? quotedEarlier(p, 0.9) },
    'down earlier 0.7': { link: (p) => jac(p, THRESHOLD) ?? quoted(p) ?? quotedEarlier(p, 0.7) },
    'down any 0.8': {
      link: (p) => jac(p, THRESHOLD) ?? quoted(p) ?? quotedEarlier({ ...p, earlier: true }),
    },
    'run 6': { link: (p) => jac(p, THRESHOLD) ?? quoted(p) },
    'run 6 best first': { link: (p) => jac(p, THRESHOLD) ?? quoted(p), bestFirst: true },
    'idf J>=0.3': { link: (p) => (wjac(p) >= 0.3 ? wjac(p) : null) ?? quoted(p) },
    'idf J>=0.25': { link: (p) => (wjac(p) >= 0.25 ? wjac(p) : null) ?? quoted(p) },
    'J>=0.3 | idf J>=0.3': {
      link: (p) => jac(p, THRESHOLD) ?? (wjac(p) >= 0.3 ? wjac(p) : null) ?? quoted(p),
    },
    'J>=0.3 | idf J>=0.35': {
      link: (p) => jac(p, THRESHOLD) ?? (wjac(p) >= 0.35 ? wjac(p) : null) ?? quoted(p),
    },
    'J>=0.3 | idf J>=0.4': {
      link: (p) => jac(p, THRESHOLD) ?? (wjac(p) >= 0.4 ? wjac(p) : null) ?? quoted(p),
    },
    'J>=0.3 | idf J>=0.3, best first': {
      link: (p) => jac(p, THRESHOLD) ?? (wjac(p) >= 0.3 ? wjac(p) : null) ?? quoted(p),
      bestFirst: true,
    },
  };

  const sharedFamilies = new Map<string, Map<string, FoundFamily>>();
  for (const [name, rule] of Object.entries(rules)) {
    if (!name.includes(only)) continue;
    const neighbourCache = new Map<number, Hit[]>();
    const neighbours = (id: number): Promise<Hit[]> => {
      let hits = neighbourCache.get(id);
      if (!hits) {
        const at = byId.get(id)!;
        const a = docs[at].features.length;
        hits = [];
        for (const [d, c, wc] of overlaps(at)) {
          const [da, db] = [docs[at].date, docs[d].date];
          const earlier = da !== null && db !== null && db < da;
          const pair = { a, b: docs[d].features.length, c, wa: weight[at], wb: weight[d], wc, earlier };
          const s = rule.link(pair);
          if (s !== null) hits.push({ id: docs[d].id, score: s });
          else if (rule.down) {
            const t = rule.down(pair);
            if (t !== null) hits.push({ id: docs[d].id, score: t, leaf: true });
          }
        }
        hits.sort((x, y) => y.score - x.score || x.id - y.id);
        neighbourCache.set(id, hits);
      }
      return Promise.resolve(hits);
    };
    const limits = { maxDepth: rule.depth ?? 4, maxMembers: rule.max ?? 60, ...rule.nearCopies };
    const familyCache = new Map<string, { answer: FamilyAnswer; found: Set<string> }>();
    const query = async (pin: string): Promise<FamilyAnswer> => {
      const cached = familyCache.get(pin);
      if (cached) return cached.answer;
      const seed = byPin.get(pin);
      if (seed === undefined) throw new Error(`no provision ${pin}`);
      const seedId = docs[seed].id;
      const sharing =
        rule.shareKey === undefined
          ? undefined
          : (sharedFamilies.get(rule.shareKey) ??
            sharedFamilies.set(rule.shareKey, new Map()).get(rule.shareKey)!);
      const { discovered, similarityCore, seedRare, coreRare, ids, members, links } =
        sharing?.get(pin) ??
        (await (async () => {
          const discovered = rule.bestFirst
            ? { ids: await bestFirst(seedId, neighbours, limits), core: undefined }
            : await discoverFamily(seedId, rule.service ?? neighbours, limits);
          const discoveredCore = new Set(discovered.core ?? [seedId]);
          if (rule.predecessors && discovered.core)
            await withPredecessors(index, { ids: discovered.ids, core: discovered.core }, (agreementIds) =>
              Promise.resolve(new Map(agreementIds.map((a) => [a, partiesOf.get(a) ?? []]))),
            );
          if (rule.backward !== undefined && discovered.core) {
            const core = discovered.core;
            const inFamily = new Set(discovered.ids);
            for (let step = 0; step < (rule.backwardSteps ?? 1); step++) {
              const coreDated = [...core].filter((id) => docs[byId.get(id)!].date !== null);
              if (!coreDated.length) break;
              const first = coreDated.reduce((a, b) =>
                docs[byId.get(b)!].date! < docs[byId.get(a)!].date! ? b : a,
              );
              const firstDoc = docs[byId.get(first)!];
              const size = rule.backwardSize ?? 0;
              const lookup = rule.backwardPrefix ? prefixIndex(rule.backwardPrefix) : index;
              const before = lookup.neighboursOf(first, rule.backward).filter((hit) => {
                const d = docs[byId.get(hit.id)!];
                if (d.date === null || d.date >= firstDoc.date! || core.has(hit.id)) return false;
                const ratio = d.features.length / firstDoc.features.length;
                if (ratio < size || ratio > 1 / Math.max(size, 1e-9)) return false;
                if (rule.predecessorSubject && ![...firstDoc.headings].some((w) => d.headings.has(w)))
                  return false;
                if (rule.backwardParty) {
                  const own = new Set(partiesOf.get(firstDoc.agreementId) ?? []);
                  if (!(partiesOf.get(d.agreementId) ?? []).some((party) => own.has(party))) return false;
                }
                return (
                  rule.backwardSequence === undefined ||
                  sequenceSimilarity(seq(byId.get(hit.id)!), seq(byId.get(first)!)) >= rule.backwardSequence
                );
              });
              if (!before.length) break;
              const pick = before[0].id;
              core.add(pick);
              if (!inFamily.has(pick)) {
                inFamily.add(pick);
                discovered.ids.push(pick);
              }
            }
          }
          const seedRare = rarest(docs[seed].features);
          const coreRare = (() => {
            const inCore = discovered.ids.filter((id) => discoveredCore.has(id));
            const held = new Map<number, number>();
            for (const id of inCore)
              for (const f of docs[byId.get(id)!].features) held.set(f, (held.get(f) ?? 0) + 1);
            const common = [...held].filter(([, n]) => 2 * n >= inCore.length).map(([f]) => f);
            return rarest(Uint32Array.from(common).sort());
          })();
          const ids =
            rule.pruneBelow === undefined
              ? discovered.ids
              : discovered.ids.filter(
                  (id) =>
                    id === seedId || rareHeld(coreRare, docs[byId.get(id)!].features) >= rule.pruneBelow!,
                );
          const members: FamilyMemberInput[] = ids.map((id) => {
            const at = byId.get(id)!;
            const d = docs[at];
            return {
              id,
              agreementId: d.agreementId,
              dateSigned: d.date,
              position: d.position,
              parties: partiesOf.get(d.agreementId) ?? [],
              features: d.features,
              sequence: seq(at),
              ...(rule.kinds ? { headings: { subject: d.subject, all: d.headings } } : {}),
            };
          });
          const linked = linkFamily(members, seedId, rule.seedLine ? discovered.core : undefined);
          if (rule.sourceDump) {
            const seedMember = members.find((m) => m.id === seedId)!;
            const own = linked.find((l) => l.id === seedId)!;
            rule.sourceDump(
              pin,
              candidatesOf(seedMember, members, own.sourceId, discovered.core).map((c) => ({
                source: docs[byId.get(c.id)!].pin,
                facts: c.facts,
              })),
            );
          }
          const links = rule.sourceChoice
            ? relink(members, linked, discovered.core, rule.sourceChoice)
            : linked;
          const family: FoundFamily = {
            discovered,
            similarityCore: discoveredCore,
            seedRare,
            coreRare,
            ids,
            members,
            links,
          };
          sharing?.set(pin, family);
          return family;
        })());
      if (process.env.CHAINS) {
        const linkOf = new Map(links.map((l) => [l.id, l]));
        const steps: string[] = [];
        for (let l = linkOf.get(seedId); l; l = l.sourceId === null ? undefined : linkOf.get(l.sourceId)) {
          const d = docs[byId.get(l.id)!];
          const core = discovered.core?.has(l.id) ? '*' : '';
          steps.push(
            `${d.pin}${core} ${d.date?.slice(0, 4)} [${d.features.length}]${l.score === null ? '' : ` <${l.score.toFixed(2)}/${sequenceSimilarity(seq(byId.get(l.id)!), seq(byId.get(l.sourceId!)!)).toFixed(2)}`}`,
          );
        }
        console.log(`    chain ${steps.join(' ')}`);
      }
      const pinOf = (id: number) => docs[byId.get(id)!].pin;
      let templateId = links.find((l) => l.template)!.id;
      /** A lineStop template that had a source: it loses it, as in the service (rootedInSeedLine). */
      let rerooted: number | null = null;
      const coreOf = (min: number, kinds: ('up' | 'down')[] = []) => {
        const found = new Set(ids);
        const core = new Set([seedId]);
        const queue = [seedId];
        while (queue.length) {
          const current = queue.shift()!;
          const linked = [
            ...index.neighboursOf(current, THRESHOLD).filter((hit) => hit.score >= min),
            ...(kinds.includes('up') ? index.containersOf(current, QUOTED_SHARE, QUOTED_MIN_FEATURES) : []),
            ...(kinds.includes('down')
              ? index.quotedEarlier(current, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES)
              : []),
          ];
          for (const hit of linked) {
            if (!found.has(hit.id) || core.has(hit.id)) continue;
            core.add(hit.id);
            queue.push(hit.id);
          }
        }
        return core;
      };
      if (rule.templateMin !== undefined) {
        const linkOf = new Map(links.map((l) => [l.id, l]));
        const chainCore = rule.chainCore ? coreOf(THRESHOLD) : null;
        let at = linkOf.get(seedId)!;
        for (;;) {
          if (at.sourceId === null) break;
          const step = rule.templateBySequence
            ? sequenceSimilarity(seq(byId.get(at.id)!), seq(byId.get(at.sourceId)!))
            : at.score!;
          if (step < rule.templateMin && !(rule.chainCore && chainCore!.has(at.sourceId))) break;
          at = linkOf.get(at.sourceId)!;
        }
        templateId = at.id;
      }
      if (rule.lineStop) {
        const linkOf = new Map(links.map((l) => [l.id, l]));
        const featuresOf = (id: number) => docs[byId.get(id)!].features;
        let at = linkOf.get(seedId)!;
        let kept = featuresOf(seedId);
        for (let step = 0; at.sourceId !== null; step++) {
          const [member, source] = [featuresOf(at.id), featuresOf(at.sourceId)];
          const lineStep: LineStep = {
            at: step,
            member,
            source,
            jaccard: sortedJaccard(member, source),
            sourceInCore: discovered.core?.has(at.sourceId) ?? false,
            kept,
            otherCodes: (() => {
              const [a, b] = [codesOf.get(at.id), codesOf.get(at.sourceId!)];
              return !!a && !!b && ![...a].some((code) => b.has(code));
            })(),
            otherSubject: (() => {
              const [a, b] = [docs[byId.get(at.id)!].subject, docs[byId.get(at.sourceId)!].subject];
              return a.size > 0 && b.size > 0 && ![...a].some((w) => b.has(w));
            })(),
            subjectNotInSource: (() => {
              const [a, b] = [docs[byId.get(at.id)!].subject, docs[byId.get(at.sourceId)!].headings];
              return a.size > 0 && b.size > 0 && ![...a].some((w) => b.has(w));
            })(),
            sequence: sequenceSimilarity(seq(byId.get(at.id)!), seq(byId.get(at.sourceId)!)),
            years: (() => {
              const [a, b] = [docs[byId.get(at.id)!].date, docs[byId.get(at.sourceId)!].date];
              return a && b ? (Date.parse(a) - Date.parse(b)) / (365.25 * 86400e3) : 0;
            })(),
            sharedParty: (() => {
              const own = new Set(partiesOf.get(docs[byId.get(at.id)!].agreementId) ?? []);
              return (partiesOf.get(docs[byId.get(at.sourceId!)!].agreementId) ?? []).some((p) => own.has(p));
            })(),
            sourceIsPredecessor:
              (discovered.core?.has(at.sourceId) ?? false) && !similarityCore.has(at.sourceId),
            sourceSupport: (() => {
              const inFamily = new Set(ids);
              const own = index.agreementOf(at.sourceId!);
              return index
                .neighboursOf(at.sourceId!, THRESHOLD)
                .filter((hit) => inFamily.has(hit.id) && index.agreementOf(hit.id) !== own).length;
            })(),
            seedRareHeld: rareHeld(seedRare, source),
            coreRareHeld: rareHeld(coreRare, source),
            memberPin: pinOf(at.id),
            sourcePin: pinOf(at.sourceId),
            sourceLinked: (linkOf.get(at.sourceId)?.sourceId ?? null) !== null,
            headingsShared: (() => {
              const [a, b] = [docs[byId.get(at.id)!].headings, docs[byId.get(at.sourceId)!].headings];
              return [...a].some((w) => b.has(w));
            })(),
          };
          const stop = rule.lineStop(lineStep);
          rule.record?.(pin, lineStep);
          if (stop) break;
          kept = intersect(kept, source);
          at = linkOf.get(at.sourceId)!;
        }
        templateId = at.id;
        rerooted = at.sourceId === null ? null : at.id;
      }
      if (rule.coreMin !== undefined) {
        const core = coreOf(rule.coreMin, rule.coreLinks);
        const seedFeatures = docs[seed].features;
        const inCore = members.filter((m) => core.has(m.id)).sort(familyOrder);
        const first = inCore[0].dateSigned;
        templateId = inCore
          .filter((m) => m.dateSigned === first)
          .map((m) => ({ id: m.id, score: m.id === seedId ? 2 : sortedJaccard(m.features, seedFeatures) }))
          .reduce((a, b) => (b.score > a.score ? b : a)).id;
      }
      if (rule.window && rule.window.days >= 0) {
        const { days, among, by } = rule.window;
        const dateOf = (id: number) => docs[byId.get(id)!].date;
        const first = dateOf(templateId);
        if (first !== null) {
          const linkOf = new Map(links.map((l) => [l.id, l]));
          const line: number[] = [];
          for (let l = linkOf.get(seedId); l; l = l.sourceId === null ? undefined : linkOf.get(l.sourceId)) {
            line.push(l.id);
            if (l.id === templateId) break;
          }
          const limit = Date.parse(first) + days * 86400e3;
          const pool = (among === 'line' ? line : links.map((l) => l.id)).filter((id) => {
            const d = dateOf(id);
            return d !== null && d >= first && Date.parse(d) <= limit;
          });
          const scoreOf = (id: number): number => {
            if (by === 'children') return links.filter((l) => l.sourceId === id && l.id !== rerooted).length;
            const own = docs[byId.get(id)!];
            const others = links.filter((l) => docs[byId.get(l.id)!].agreementId !== own.agreementId);
            return others.length
              ? others.reduce(
                  (sum, l) => sum + sortedJaccard(own.features, docs[byId.get(l.id)!].features),
                  0,
                ) / others.length
              : 0;
          };
          const order = (id: number) => members.find((m) => m.id === id)!;
          let best = templateId;
          let bestScore = scoreOf(templateId);
          for (const id of [...pool].sort((x, y) => familyOrder(order(x), order(y)))) {
            const score = scoreOf(id);
            if (score > bestScore + 1e-12) [best, bestScore] = [id, score];
          }
          if (best !== templateId) {
            templateId = best;
            rerooted = linkOf.get(best)!.sourceId === null ? null : best;
          }
        }
      }
      const sourceOverride = new Map<number, number>();
      if (rule.rareSource !== undefined && rule.rareSource >= 0) {
        const own = links.find((l) => l.id === seedId);
        if (own && own.sourceId !== null && own.id !== rerooted && own.id !== templateId) {
          const seedDoc = docs[seed];
          const rare = rarest(seedDoc.features);
          const current = sequenceSimilarity(seq(seed), seq(byId.get(own.sourceId)!));
          const candidates = links
            .map((l) => l.id)
            .filter((id) => {
              const d = docs[byId.get(id)!];
              return (
                id !== seedId &&
                d.agreementId !== seedDoc.agreementId &&
                d.date !== null &&
                seedDoc.date !== null &&
                d.date < seedDoc.date
              );
            })
            .map((id) => ({ id, similarity: sequenceSimilarity(seq(seed), seq(byId.get(id)!)) }))
            .filter((c) => c.similarity >= current - rule.rareSource! - 1e-12);
          let best = own.sourceId;
          let bestHeld = intersect(rare, docs[byId.get(best)!].features).length;
          for (const c of candidates) {
            const held = intersect(rare, docs[byId.get(c.id)!].features).length;
            if (held > bestHeld) [best, bestHeld] = [c.id, held];
          }
          if (best !== own.sourceId) sourceOverride.set(seedId, best);
        }
      }
      const answer: FamilyAnswer = {
        template: { pinpoint: pinOf(templateId) },
        members: links.map((l) => ({
          provision: { pinpoint: pinOf(l.id) },
          source:
            l.sourceId === null || l.id === rerooted
              ? null
              : { pinpoint: pinOf(sourceOverride.get(l.id) ?? l.sourceId) },
        })),
      };
      familyCache.set(pin, { answer, found: new Set(answer.members.map((m) => m.provision.pinpoint)) });
      return answer;
    };
    console.log(`\n== ${name}`);
    const started = process.cpuUsage();
    for (const f of FOLD_FILES) {
      const all = { recall: 0, members: 0, found: 0, labelledFound: 0, templates: 0, sources: 0, total: 0 };
      for (const family of labelledFamilies(f)) {
        const s = await scoreFamily(family, query);
        console.log(
          `  ${family.name.padEnd(48)} recall ${s.recall.toFixed(3)} precision ${s.precision.toFixed(3)} template ${s.templateCorrect ? 'right' : 'wrong'} ${(s.templateShare * s.members).toFixed(0)}/${s.members} sources ${s.sourcesCorrect}/${s.sourcesTotal}`,
        );
        if (misses) {
          const template = family.members[0].pinpoint;
          for (const m of family.members) {
            const { answer, found } = familyCache.get(m.pinpoint)!;
            if (answer.template.pinpoint !== template)
              console.log(
                `      template from ${m.pinpoint}: ${answer.template.pinpoint} (${found.has(template) ? 'choice' : 'RECALL'})`,
              );
            if (m.source === null) continue;
            const own = answer.members.find((x) => x.provision.pinpoint === m.pinpoint);
            const got = own?.source?.pinpoint ?? null;
            if (got !== m.source) {
              const [i, j] = [byPin.get(m.pinpoint)!, byPin.get(m.source)!];
              const jl = sortedJaccard(docs[i].features, docs[j].features).toFixed(2);
              console.log(
                `      source of ${m.pinpoint}: ${got ?? 'none'} (labelled ${m.source}, J ${jl}, ${found.has(m.source) ? 'choice' : 'RECALL'})`,
              );
            }
          }
        }
        all.recall += s.recall * s.members;
        all.members += s.members;
        all.found += s.found;
        all.labelledFound += s.precision * s.found;
        all.templates += Number(s.templateCorrect);
        all.sources += s.sourcesCorrect;
        all.total += s.sourcesTotal;
      }
      console.log(
        `${f.padEnd(14)} recall ${(all.recall / all.members).toFixed(3)} precision ${(all.labelledFound / Math.max(all.found, 1)).toFixed(3)} templates ${all.templates} of ${labelledFamilies(f).length} sources ${all.sources}/${all.total} = ${(all.sources / all.total).toFixed(3)}`,
      );
    }
    for (const pin of templateOf)
      console.log(`  template of ${pin}: ${(await query(pin)).template.pinpoint}`);
    if (process.env.DUMP)
      writeFileSync(
        `${process.env.DUMP}-${name.replace(/[^a-z0-9]+/gi, '_')}.json`,
        JSON.stringify(Object.fromEntries([...familyCache].map(([pin, f]) => [pin, [...f.found]]))),
      );
    const used = process.cpuUsage(started);
    console.log(`  (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s)`);
  }
  if (process.env.LEARN_DUMP && learnDump.length)
    writeFileSync(process.env.LEARN_DUMP, JSON.stringify(learnDump));
  if (process.env.SOURCE_DUMP && sourceDump.length)
    writeFileSync(process.env.SOURCE_DUMP, JSON.stringify(sourceDump));
}

/**
 * Family discovery that takes, at each step, the closest unvisited provision to any member reached (the score of
 * the link that reaches it), within the depth bound, until the member bound: the bound is filled with the nearest
 * clauses rather than with everything one step away.
 */
async function bestFirst(
  seedId: number,
  neighbours: (id: number) => Promise<Hit[]>,
  limits: { maxMembers: number; maxDepth: number },
): Promise<number[]> {
  const depth = new Map<number, number>([[seedId, 0]]);
  const frontier = new Map<number, { score: number; depth: number }>();
  const expand = async (id: number) => {
    const d = depth.get(id)!;
    if (d >= limits.maxDepth) return;
    for (const hit of await neighbours(id)) {
      if (depth.has(hit.id)) continue;
      const prior = frontier.get(hit.id);
      if (!prior || hit.score > prior.score) frontier.set(hit.id, { score: hit.score, depth: d + 1 });
    }
  };
  await expand(seedId);
  while (frontier.size && depth.size < limits.maxMembers) {
    let best: number | null = null;
    let bestScore = -1;
    for (const [id, f] of frontier)
      if (f.score > bestScore || (f.score === bestScore && id < best!)) [best, bestScore] = [id, f.score];
    const { depth: d } = frontier.get(best!)!;
    frontier.delete(best!);
    depth.set(best!, d);
    await expand(best!);
  }
  return [...depth.keys()];
}

void main();
