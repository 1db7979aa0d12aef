import { checkPartyCodes } from '../../parties/party-codes';
import { EntityManager } from '@mikro-orm/knex';
import { Inject, Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors';
import { runInSteps, workSlices } from '../../common/request-budget';
import { pageSize } from '../../common/pagination/keyset';
import { Provision } from '../../provisions/provision.entity';
import { ProvisionsService } from '../../provisions/provisions.service';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { compareTextsInTurn } from '../diff/text-comparison.worker';
import { ClauseFamily, ClauseFamilyFilter, FamilyMember } from '../dto/family.models';
import { ProvisionComparison, ProvisionLineage, SimilarProvision } from '../dto/similarity.models';
import { bandKeys } from '../similarity';
import { bandKeyNumber, comparisonText, signatureFromBytes } from '../sync/provision-index-rows';
import {
  clauseHeadings,
  DEFAULT_FAMILY_LIMITS,
  familyComponent,
  FamilyHit,
  linkingSteps,
  symmetricFamilyLinks,
} from '../wording/clause-family';
import {
  ClauseHit,
  ClauseIndex,
  comparable,
  SimilarityMeasure,
  VERBATIM_CANDIDATE_RATIO,
  verbatimFeatures,
} from '../wording/clause-index';
import {
  codesOfProvisions,
  comparisonSources,
  loadProvisions,
  provisionPlaces,
  signatureOf,
} from '../repository/similarity.repository';
import { BindingRepository } from '../../bindings/repository/binding.repository';
import { ClauseIndexService } from '../wording/clause-index.service';
import { wordingFeatures } from '../wording/wording-features';
import { sequenceTokens } from '../wording/word-sequence';
import { SIMILARITY_INDEX, SimilarityIndex } from './similarity-index';
import { sortedJaccard } from './sorted-jaccard';

/** The default least similarity of each measure: where unrelated clauses stop (see the README's figures). */
export const DEFAULT_MIN_SCORE: Record<SimilarityMeasure, number> = {
  [SimilarityMeasure.WORDING]: 0.3,
  [SimilarityMeasure.VERBATIM]: 0.5,
};
/** The least minScore accepted: under it nearly every clause is similar to every other. */
export const LOWEST_MIN_SCORE = 0.1;
/**
 * The most members a family holds (see familyComponent): a family with more is cut there, nearest the provision
 * asked about first, and says so (`truncated`).
 */
export const FAMILY_MAX_MEMBERS = DEFAULT_FAMILY_LIMITS.maxMembers;

const IDS_PER_STATEMENT = 1000;
/** VERBATIM shingles kept between requests (computed from the texts on first use). */
const VERBATIM_CACHE_SIZE = 20_000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_STATEMENT)
    result.push(items.slice(i, i + IDS_PER_STATEMENT));
  return result;
}

interface MemberFacts {
  id: number;
  agreementId: number;
  position: number;
  dateSigned: string | null;
  /** Who wrote the agreement's text (`lineageParties`): its parties, signatories never bound included. */
  parties: string[];
  /** Of `parties`, those that signed only, never bound (the TPP's twelve). */
  signatoriesOnly: string[];
  codes: TaxonomyCodeId[];
  proposedCodes: TaxonomyCodeId[];
}

/**
 * Similar clauses, clause families (and the lineage built on them), comparisons, and the nearest precedents of
 * a text that is not in the catalogue (the draft checker). WORDING look-ups are answered by the in-memory clause
 * index; VERBATIM ones score exactly the union of its candidates (WORDING similarity at least half the
 * threshold) and the stored LSH band candidates.
 */
@Injectable()
export class SimilarityService {
  private verbatim = new Map<number, Uint32Array>();
  private verbatimIndex: ClauseIndex | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly provisions: ProvisionsService,
    private readonly clauses: ClauseIndexService,
    @Inject(SIMILARITY_INDEX) private readonly bands: SimilarityIndex,
  ) {}

  async similar(
    id: string,
    measure: SimilarityMeasure,
    minScore: number | null | undefined,
    first: number | null | undefined,
  ): Promise<SimilarProvision[]> {
    const threshold = checkMinScore(minScore, measure);
    const limit = pageSize(first);
    const provision = await this.provisions.get({ id });
    const index = await this.clauses.get();
    const found = (await this.neighbours(index, provision.id, measure, threshold)).slice(0, limit);
    const byId = await this.load(found.map((hit) => hit.id));
    return found.map((hit) => ({ provision: byId.get(hit.id)!, score: hit.score, measure }));
  }

  /**
   * Provisions of the catalogue at least minScore similar (WORDING) to a text, best first; its features when the
   * caller has them (computed off the event loop for a long draft), null when it has too few words to compare.
   */
  similarToText(
    index: ClauseIndex,
    text: string,
    minScore: number,
    limit: number,
    features: Uint32Array | null = comparable(text) ? wordingFeatures(text) : null,
  ): ClauseHit[] {
    if (!features) return [];
    return index.neighbours(features, minScore).slice(0, limit);
  }

  async family(
    id: string,
    measure: SimilarityMeasure,
    minScore: number | null | undefined,
    filter: ClauseFamilyFilter | null | undefined,
  ): Promise<ClauseFamily> {
    const threshold = checkMinScore(minScore, measure);
    filter = await this.checkFamilyFilter(filter);
    const provision = await this.provisions.get({ id });
    const index = await this.clauses.get();
    const isComparable = index.has(provision.id);
    // Each member's look-ups are synchronous (up to a few hundred ms for long clauses): other requests go between.
    const pause = workSlices();
    const { ids, truncated } = await this.familyMembers(index, provision.id, measure, threshold, pause);
    const [facts, byId] = await Promise.all([this.memberFacts(ids), this.load(ids)]);
    const features = await this.featuresOf(index, ids, measure, byId);
    const links = await runInSteps(
      linkingSteps(
        ids.map((memberId) => ({
          ...facts.get(memberId)!,
          features: features.get(memberId)!,
          sequence: sequenceTokens(comparisonText(byId.get(memberId)!)),
          // The kind of clause (run 11's line stop) was chosen on WORDING families only.
          ...(measure === SimilarityMeasure.WORDING
            ? { headings: clauseHeadings(byId.get(memberId)!.chapterTitle, byId.get(memberId)!.articleTitle) }
            : {}),
        })),
      ),
      pause,
    );
    const all: FamilyMember[] = links.map((link) => {
      const member = byId.get(link.id)!;
      const fact = facts.get(link.id)!;
      const source = link.sourceId === null ? null : byId.get(link.sourceId)!;
      return {
        provision: member,
        agreement: member.agreement,
        dateSigned: fact.dateSigned,
        parties: fact.parties,
        signatoriesOnly: fact.signatoriesOnly,
        codes: fact.codes,
        proposedCodes: fact.proposedCodes,
        source,
        score: link.score,
        templateScore: link.templateScore,
        generation: link.generation,
        sameParties: link.sameParties,
        sourceText: source ? comparisonText(source) : null,
        text: comparisonText(member),
      };
    });
    return {
      provision,
      measure,
      minScore: threshold,
      template: byId.get(links.find((link) => link.template)!.id)!,
      size: all.length,
      members: all.filter((member) => keeps(filter, member)),
      truncated,
      comparable: isComparable,
    };
  }

  /**
   * The members of a provision's family (familyComponent over the links of the measure at `minScore`): the one
   * rule for which clauses form a family, whichever member it is asked from, used by clauseFamily, the provision
   * page and the draft checker. Its template is the earliest member (familyTemplate). A provision
   * that is not comparable is a family of its own.
   */
  async familyMembers(
    index: ClauseIndex,
    id: number,
    measure: SimilarityMeasure,
    minScore: number,
    pause: () => Promise<void> = workSlices(),
  ): Promise<{ ids: number[]; truncated: boolean }> {
    if (!index.has(id)) return { ids: [id], truncated: false };
    return familyComponent(
      id,
      async (at) => {
        await pause();
        return this.familyLinks(index, at, measure, minScore);
      },
      FAMILY_MAX_MEMBERS,
    );
  }

  /**
   * The family filter's party codes in capitals (as the API's other party filters take them), or
   * BAD_USER_INPUT naming the codes no party has: an unknown code would otherwise keep no member, silently.
   */
  private async checkFamilyFilter(
    filter: ClauseFamilyFilter | null | undefined,
  ): Promise<ClauseFamilyFilter | null | undefined> {
    if (!filter?.parties?.length) return filter;
    return { ...filter, parties: await checkPartyCodes(this.em, 'filter.parties', filter.parties) };
  }

  async lineage(
    id: string,
    measure: SimilarityMeasure,
    minScore: number | null | undefined,
  ): Promise<ProvisionLineage> {
    const family = await this.family(id, measure, minScore, null);
    return {
      provision: family.provision,
      template: family.template,
      members: family.members.map((member) => ({
        provision: member.provision,
        source: member.source,
        score: member.score,
        templateScore: member.templateScore,
      })),
      truncated: family.truncated,
      comparable: family.comparable,
    };
  }

  async compare(a: string, b: string, measure: SimilarityMeasure): Promise<ProvisionComparison> {
    const [first, second] = [await this.provisions.get({ id: a }), await this.provisions.get({ id: b })];
    const [textA, textB] = [comparisonText(first), comparisonText(second)];
    const { diff, verbatimScore, wordingScore } = await compareTextsInTurn(textA, textB);
    return {
      a: first,
      b: second,
      segments: diff.segments,
      stats: diff.stats,
      score: measure === SimilarityMeasure.VERBATIM ? verbatimScore : wordingScore,
      verbatimScore,
      wordingScore,
    };
  }

  /** The clause index, up to date with the catalogue. */
  index(): Promise<ClauseIndex> {
    return this.clauses.get();
  }

  /** Provisions at least minScore similar to an indexed provision under a measure, best first. */
  async neighbours(
    index: ClauseIndex,
    id: number,
    measure: SimilarityMeasure,
    minScore: number,
  ): Promise<readonly ClauseHit[]> {
    if (!index.has(id)) return [];
    if (measure === SimilarityMeasure.WORDING) return index.neighboursOf(id, minScore);
    const fromWording = index.neighboursOf(id, minScore * VERBATIM_CANDIDATE_RATIO).map((hit) => hit.id);
    const fromBands = await this.bandCandidates(id);
    const candidates = [...new Set([...fromWording, ...fromBands])].filter((c) => c !== id && index.has(c));
    const shingles = await this.verbatimOf(index, [id, ...candidates]);
    const own = shingles.get(id)!;
    return candidates
      .map((c) => ({ id: c, score: sortedJaccard(own, shingles.get(c)!) }))
      .filter((hit) => hit.score >= minScore)
      .sort((x, y) => y.score - x.score || x.id - y.id);
  }

  /** The links a family follows from a member: similar provisions, and under WORDING those quoting it too. */
  private async familyLinks(
    index: ClauseIndex,
    id: number,
    measure: SimilarityMeasure,
    minScore: number,
  ): Promise<readonly FamilyHit[]> {
    if (measure === SimilarityMeasure.WORDING)
      return index.has(id) ? symmetricFamilyLinks(index, id, minScore) : [];
    return this.neighbours(index, id, measure, minScore);
  }

  /** The provisions sharing an LSH band with this one (the stored MinHash index of the 5-word shingles). */
  private async bandCandidates(id: number): Promise<number[]> {
    const signature = await signatureOf(this.em, id);
    if (!signature) return [];
    return this.bands.candidates(bandKeys(signatureFromBytes(signature)).map(bandKeyNumber));
  }

  /** VERBATIM shingles of indexed provisions, from a cache kept as long as the index is the same. */
  private async verbatimOf(index: ClauseIndex, ids: number[]): Promise<Map<number, Uint32Array>> {
    if (this.verbatimIndex !== index || this.verbatim.size > VERBATIM_CACHE_SIZE) {
      this.verbatim = new Map();
      this.verbatimIndex = index;
    }
    const missing = ids.filter((id) => !this.verbatim.has(id));
    for (const chunk of chunks(missing)) {
      const rows = await comparisonSources(this.em, chunk);
      for (const row of rows) this.verbatim.set(Number(row.id), verbatimFeatures(comparisonText(row)));
    }
    return new Map(ids.map((id) => [id, this.verbatim.get(id) ?? new Uint32Array(0)]));
  }

  private async featuresOf(
    index: ClauseIndex,
    ids: number[],
    measure: SimilarityMeasure,
    byId: Map<number, Provision>,
  ): Promise<Map<number, Uint32Array>> {
    if (measure === SimilarityMeasure.VERBATIM) return this.verbatimOf(index, ids);
    return new Map(
      ids.map((id) => [id, index.wordingOf(id) ?? wordingFeatures(comparisonText(byId.get(id)!))]),
    );
  }

  /**
   * Signature date, parties (who wrote the text, `lineageParties`) and taxonomy codes of family members: three
   * statements whatever their number.
   */
  async memberFacts(ids: number[]): Promise<Map<number, MemberFacts>> {
    const facts = new Map<number, MemberFacts>();
    if (!ids.length) return facts;
    const places = await provisionPlaces(this.em, ids);
    const agreementIds = [...new Set(places.map((place) => place.agreementId))];
    const [partiesOf, codesOf] = await Promise.all([
      new BindingRepository(this.em).lineagePartiesOf(agreementIds),
      codesOfProvisions(this.em, ids),
    ]);
    for (const place of places) {
      facts.set(place.id, {
        ...place,
        parties: partiesOf.get(place.agreementId)?.parties ?? [],
        signatoriesOnly: partiesOf.get(place.agreementId)?.signatoriesOnly ?? [],
        ...(codesOf.get(place.id) ?? { codes: [], proposedCodes: [] }),
      });
    }
    return facts;
  }

  load(ids: number[]): Promise<Map<number, Provision>> {
    return loadProvisions(this.em, ids);
  }
}

function keeps(filter: ClauseFamilyFilter | null | undefined, member: FamilyMember): boolean {
  if (filter?.parties?.length && !member.parties.some((party) => filter.parties!.includes(party)))
    return false;
  if (filter?.codes?.length && !member.codes.some((code) => filter.codes!.includes(code))) return false;
  return true;
}

function checkMinScore(minScore: number | null | undefined, measure: SimilarityMeasure): number {
  if (minScore === null || minScore === undefined) return DEFAULT_MIN_SCORE[measure];
  if (!(minScore >= LOWEST_MIN_SCORE && minScore <= 1)) {
    throw new BadUserInputError('minScore', `must be between ${LOWEST_MIN_SCORE} and 1 (got ${minScore})`);
  }
  return minScore;
}
