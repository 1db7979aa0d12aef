import { checkPartyCodes } from '../../parties/party-codes';
import { PartyRepository } from '../../parties/repository/party.repository';
import {
  MAX_PARTY_NAME_LENGTH,
  MAX_PARTY_NAMES,
  MAX_DRAFT_PARTIES,
  PARTY_NAME_MATCHES,
  readTypedParties,
  TypedPartyProblem,
  typedParties,
} from '../../parties/typed-parties';
import { boundAmong } from '../../bindings/binding';
import { coversParty } from '../../annotations/party-scope';
import { CONVENTION_ENTERED_INTO_FORCE, conventionInForceBy } from '../../parties/convention-dates';
import { EntityManager } from '@mikro-orm/knex';
import { PartyKind } from '../../parties/party.enums';
import { beneficiariesOf } from '../../reports/common/report-facts';
import { Injectable } from '@nestjs/common';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { canJudgeAbsence } from '../../agreements/record-completeness';
import { ProposedAnnotation } from '../../annotations/rules/annotator.types';
import { topicsOf, Topic } from '../../annotations/rules/provision-context';
import { BadUserInputError, shownName } from '../../common/errors';
import { valueKind } from '../../common/value-kind';
import { charactersFor } from '../../common/text-rules';
import { workSlices } from '../../common/request-budget';
import { chosenLanguage } from './draft-language';
import { draftArticlesInTurn, languageInTurn } from '../diff/text-comparison.worker';
import { SplitProvision } from '../../ingest/text/split-articles';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import {
  partnerAgreementsOf,
  annotatedCodesOf,
  blocsBindingThrough,
  latestAnnotatedProvisions,
  partiesWithCodes,
} from '../repository/draft-check.repository';
import { DEFAULT_MIN_SCORE, SimilarityService } from '../similar/similarity.service';
import { comparisonText } from '../sync/provision-index-rows';
import { familyTemplate } from '../wording/clause-family';
import { ClauseHit, SimilarityMeasure } from '../wording/clause-index';
import {
  CheckDraftInput,
  DRAFT_MAX_CHARACTERS,
  DraftArticle,
  DraftCheck,
  DraftGap,
  DraftGapBasis,
  DraftGapLeftOut,
  DraftGapKind,
  DraftGapPrecedent,
  DraftLeftOutReason,
  DraftPartyPractice,
  DraftPracticeSince,
  DraftPrecedent,
} from './draft-check.models';

/** Precedents: WORDING similarity at least this (the lowest the index is measured at), at most 3 per article. */
export const PRECEDENT_MIN_SCORE = 0.2;
const PRECEDENTS_PER_ARTICLE = 3;
/** A party's "recent practice": its agreements signed in the last this many years of its record. */
export const RECENT_YEARS = 10;
const BORROW = 5;
/** Rows read per clause to borrow: an agreement may hold its clause in several languages (ToTA's es, fr, en). */
const BORROW_VERSIONS = 3;

const CARVE_OUT = [TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT, TaxonomyCodeId.CULTURAL_EXEMPTION];
const AUDIOVISUAL = [TaxonomyCodeId.AUDIOVISUAL_EXCLUSION, TaxonomyCodeId.CULTURAL_EXEMPTION];
const CONVENTION_REF = [TaxonomyCodeId.CONVENTION_REF_EXPLICIT, TaxonomyCodeId.CONVENTION_REF_IMPLICIT];
const PREFERENTIAL = [TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE];

interface PartyRow {
  code: string;
  name: string;
  developing: boolean | null;
  /** Neither a Party nor known not to be one (the catalogue records no status). */
  conventionStatusUnknown: boolean;
  /** A Party to the Convention: from when its agreements are counted for a missing reference, and on what basis. */
  convention: { since: string; basis: DraftPracticeSince } | null;
}

/**
 * From when a Party's agreements show its practice under the Convention: the date it entered into force for the
 * Party; where no day is recorded, the latest date it can have, from the year of deposit (conventionInForceBy, the
 * rule the coherence report and the party page follow: Saint Kitts and Nevis deposited in 2016, so its 2008
 * agreement is no practice of a Party); where neither is, the Convention's own entry into force, said as such.
 */
export function conventionSince(
  inForce: string | null,
  depositYear: number | null,
): { since: string; basis: DraftPracticeSince } {
  if (inForce) return { since: inForce, basis: DraftPracticeSince.IN_FORCE };
  const by = conventionInForceBy(null, depositYear);
  return by
    ? { since: by, basis: DraftPracticeSince.IN_FORCE_BY }
    : { since: CONVENTION_ENTERED_INTO_FORCE, basis: DraftPracticeSince.CONVENTION_IN_FORCE };
}

interface AgreementFacts {
  id: number;
  dateSigned: string | null;
  parties: string[];
  /** Its annotations, not rejected: code, whether a reviewer accepted it, and the parties it covers. */
  annotations: { code: TaxonomyCodeId; accepted: boolean; partyScope: string[] | null }[];
  /** The catalogue holds its main text whole: that it lacks a clause can be said. */
  whole: boolean;
  /**
   * The parties it binds in their own right, with what says who grants preferential treatment to whom (paragraph 18:
   * `beneficiariesOf`).
   */
  partyFacts: { code: string; kind: PartyKind; developing: boolean | null; side: string | null }[];
  /** The side of it each party is of, where recorded (`sameSide`), by code. */
  sides: Map<string, string | null>;
}

/** The agreement grants, or could grant, preferential treatment from this party to a developing party. */
function grantsToDeveloping(a: AgreementFacts, code: string): boolean {
  const grantor = a.partyFacts.find((p) => p.code === code);
  return grantor !== undefined && beneficiariesOf(a.partyFacts, grantor).length > 0;
}

/** Checks that the draft is text we can read; the messages never quote it. */
export function checkDraftText(text: unknown): string {
  if (text !== undefined && text !== null && typeof text !== 'string') {
    throw new BadUserInputError('input.text', `must be the draft's text, a string (got ${valueKind(text)})`, {
      draftProblem: 'NOT_TEXT',
    });
  }
  if (typeof text !== 'string' || text.trim() === '') {
    throw new BadUserInputError('input.text', 'the draft is empty', { draftProblem: 'EMPTY' });
  }
  const characters = charactersFor(text, DRAFT_MAX_CHARACTERS);
  if (characters > DRAFT_MAX_CHARACTERS) {
    throw new BadUserInputError(
      'input.text',
      `the draft has ${characters.toLocaleString('en')} characters, more than the ${DRAFT_MAX_CHARACTERS.toLocaleString('en')} allowed`,
      { draftProblem: 'TOO_LONG', characters, max: DRAFT_MAX_CHARACTERS },
    );
  }
  // A PDF sent as the draft (its bytes read as text, percent-escaped by a form post, or through the command line).
  if (/^\s*%PDF-/.test(text)) {
    throw new BadUserInputError(
      'input.text',
      'the draft is a PDF file, not text: copy its text out of the PDF and paste it, or save it as plain text or Markdown',
      { draftProblem: 'PDF' },
    );
  }
  // NUL bytes, other control characters (tabs, line breaks and form feeds aside) or U+FFFD from undecodable
  // bytes: the file was not text.
  let binary = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) binary = Infinity;
    else if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f || c === 0xfffd) binary += 1;
  }
  if (binary > Math.max(3, text.length / 1000)) {
    throw new BadUserInputError(
      'input.text',
      'the draft looks like binary data, not text (control characters or undecodable bytes)',
      { draftProblem: 'BINARY' },
    );
  }
  return text;
}

/**
 * BAD_USER_INPUT at input.parties naming the party typed that names none or several (also as `unknown` or
 * `ambiguous`, as the message quotes it: `shownName`).
 */
function typedPartyRefusal(problem: TypedPartyProblem): BadUserInputError {
  const argument = 'input.parties';
  switch (problem.kind) {
    case 'TOO_MANY_NAMES':
      return new BadUserInputError(
        argument,
        `at most ${MAX_PARTY_NAMES} names to search the catalogue for (codes such as CAN and countries' usual names such as Japan are not counted)`,
      );
    case 'TOO_MANY_PARTIES':
      return new BadUserInputError(argument, `at most ${MAX_DRAFT_PARTIES} parties`);
    case 'TOO_LONG':
      return new BadUserInputError(
        argument,
        `a name is too long (at most ${MAX_PARTY_NAME_LENGTH} characters)`,
      );
    case 'AMBIGUOUS':
      return new BadUserInputError(
        argument,
        `"${shownName(problem.value)}" names several parties: ${problem.matches
          .slice(0, PARTY_NAME_MATCHES - 1)
          .map((p) => `${p.name} (${p.code})`)
          .join(
            ', ',
          )}${problem.matches.length >= PARTY_NAME_MATCHES ? ', …' : ''}. Give one of these names or its code.`,
        { ambiguous: [shownName(problem.value)] },
      );
    case 'UNKNOWN':
      return new BadUserInputError(
        argument,
        `no party is named "${shownName(problem.value)}" (give a name or an ISO 3166 alpha-3 code, e.g. CAN)`,
        { unknown: [shownName(problem.value)] },
      );
  }
}

/**
 * The draft checker: splits a draft chapter or agreement into articles with the text importer's splitter,
 * annotates it with the rules (in memory), finds each article's closest precedents in the catalogue, and lists
 * what the draft lacks compared with the parties' recent agreements and the Convention's expectations. The
 * draft is never written anywhere: no statement here writes, and nothing logs its text.
 */
@Injectable()
export class DraftCheckService {
  constructor(
    private readonly em: EntityManager,
    private readonly similarity: SimilarityService,
  ) {}

  async check(input: CheckDraftInput): Promise<DraftCheck> {
    const text = checkDraftText(input.text);
    // The parties first: a name that is no party's is refused by one indexed lookup, before the text work.
    const parties = await this.parties(input.parties);
    // The draft's own text work (its language, its articles, the rules, the features its precedents are looked up
    // by) on the text thread when the draft is long, in turns on the event loop otherwise.
    const language = chosenLanguage(await languageInTurn(text), input.language);
    const { split, annotations, features } = await draftArticlesInTurn({
      text,
      language,
      parties: parties.map((p) => ({ code: p.code, developing: p.developing })),
    });
    if (!split.length)
      throw new BadUserInputError('input.text', 'the draft has no article text', {
        draftProblem: 'NO_ARTICLES',
      });
    const codes = new Set(annotations.map((a) => a.code));
    const articles = await this.articles(split, features, annotations, parties);
    const gaps = await this.gaps(split, codes, parties, language);
    const conventionStatusUnknown = parties.filter((p) => p.conventionStatusUnknown).map((p) => p.code);
    return { language, articles, gaps, codes: [...codes].sort(), conventionStatusUnknown };
  }

  private async parties(entries: readonly string[] | null | undefined): Promise<PartyRow[]> {
    const typed = typedParties((entries ?? []).map(String));
    if (!typed.length)
      throw new BadUserInputError('input.parties', 'name at least one party', { draftProblem: 'NO_PARTIES' });
    // The explorer's forms' rule, in English (the API's language): a code as it is, a name looked up.
    const reading = await readTypedParties(
      'en',
      typed,
      async (filter) => {
        const repository = new PartyRepository(this.em);
        if ('nameContains' in filter)
          return repository.namesContaining(filter.nameContains, PARTY_NAME_MATCHES);
        return (await repository.byCodes(filter.codes)).map(({ code, name }) => ({ code, name }));
      },
      MAX_DRAFT_PARTIES,
    );
    if (reading.problem) throw typedPartyRefusal(reading.problem);
    const wanted = await checkPartyCodes(this.em, 'input.parties', reading.codes);
    const rows = await partiesWithCodes(this.em, wanted);
    return wanted.map((code) => {
      const row = rows.find((r) => r.code === code)!;
      return {
        code,
        name: row.name,
        developing: row.developing === null ? null : Boolean(row.developing),
        conventionStatusUnknown: row.convention_status_kind === 'UNKNOWN',
        convention:
          row.convention_status_kind === 'PARTY'
            ? conventionSince(
                row.convention_in_force,
                row.convention_deposit_year === null ? null : Number(row.convention_deposit_year),
              )
            : null,
      };
    });
  }

  private async articles(
    split: SplitProvision[],
    features: (Uint32Array | null)[],
    annotations: ProposedAnnotation[],
    parties: PartyRow[],
  ): Promise<DraftArticle[]> {
    const index = await this.similarity.index();
    // Look-ups in memory, article by article: other requests get their turns in between.
    const pause = workSlices();
    const hits: ClauseHit[][] = [];
    for (const [i, article] of split.entries()) {
      hits.push(
        this.similarity.similarToText(
          index,
          article.text,
          PRECEDENT_MIN_SCORE,
          PRECEDENTS_PER_ARTICLE,
          features[i],
        ),
      );
      await pause();
    }
    const ids = [...new Set(hits.flat().map((hit) => hit.id))];
    // The family of each article's closest precedent, found in the clause index.
    const families = new Map<number, { members: number[]; truncated: boolean }>();
    for (const first of new Set(hits.filter((h) => h.length).map((h) => h[0].id))) {
      // The family the precedent's own page shows (the one rule, SimilarityService.familyMembers).
      const { ids: members, truncated } = await this.similarity.familyMembers(
        index,
        first,
        SimilarityMeasure.WORDING,
        DEFAULT_MIN_SCORE[SimilarityMeasure.WORDING],
        pause,
      );
      families.set(first, { members, truncated });
      await pause();
    }
    const memberIds = [...new Set([...ids, ...[...families.values()].flatMap((f) => f.members)])];
    const [facts, byId] = await Promise.all([
      this.similarity.memberFacts(memberIds),
      this.similarity.load(memberIds),
    ]);
    const draftParties = new Set(parties.map((p) => p.code));
    return split.map((article, i) => ({
      position: i,
      location: article.location,
      chapterTitle: article.chapterTitle,
      articleNumber: article.articleNumber,
      // A part with no heading of its own (an annex's section) is named by its section.
      articleTitle: article.articleTitle ?? (article.articleNumber ? null : article.sectionTitle),
      words: article.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0,
      annotations: annotations
        .filter((a) => a.ref === String(i))
        .map((a) => ({
          code: a.code,
          detail: a.detail,
          ruleId: a.ruleId,
          evidence: a.evidence?.quote ?? null,
        })),
      precedents: hits[i].map((hit, rank): DraftPrecedent => {
        const fact = facts.get(hit.id)!;
        // A precedent's parties are the partners its agreement binds (the practice a draft follows): the TPP binds
        // none of its signatories, so its clauses' parties are empty and its signatories said apart.
        const partners = boundAmong(fact);
        const found = rank === 0 ? families.get(hit.id) : undefined;
        let family = null;
        if (found) {
          const { members } = found;
          // The family's template, as on its page (familyTemplate).
          const earliest = familyTemplate(
            members.map((id) => ({ ...facts.get(id)!, features: index.wordingOf(id) ?? new Uint32Array(0) })),
          );
          family = {
            template: byId.get(earliest)!,
            size: members.length,
            since: facts.get(earliest)!.dateSigned,
            complete: !found.truncated,
          };
        }
        return {
          provision: byId.get(hit.id)!,
          score: hit.score,
          dateSigned: fact.dateSigned,
          parties: partners,
          sameParties: partners.some((party) => draftParties.has(party)),
          signatoriesOnly: fact.signatoriesOnly,
          family,
          precedentText: comparisonText(byId.get(hit.id)!),
          draftText: article.text,
        };
      }),
    }));
  }

  private async gaps(
    split: SplitProvision[],
    codes: Set<TaxonomyCodeId>,
    parties: PartyRow[],
    language: string,
  ): Promise<DraftGap[]> {
    const hasEcommerce = codes.has(TaxonomyCodeId.ECOMMERCE_PROVISION);
    const hasServices = split.some((article) =>
      [article.chapterTitle, article.sectionTitle].some(
        (title) => title && topicsOf(title).has(Topic.SERVICES_INVESTMENT),
      ),
    );
    const wanted: { kind: DraftGapKind; lacking: TaxonomyCodeId[] }[] = [];
    if (hasEcommerce && !CARVE_OUT.some((code) => codes.has(code)))
      wanted.push({ kind: DraftGapKind.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT, lacking: CARVE_OUT });
    if (hasServices && !AUDIOVISUAL.some((code) => codes.has(code)))
      wanted.push({ kind: DraftGapKind.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION, lacking: AUDIOVISUAL });
    const conventionParties = parties.filter((p) => p.convention);
    if (conventionParties.length && !CONVENTION_REF.some((code) => codes.has(code)))
      wanted.push({ kind: DraftGapKind.NO_CONVENTION_REFERENCE, lacking: CONVENTION_REF });
    // Paragraph 18 asks developed parties (the grantors, as the flows report reads them) for preferential treatment
    // of developing parties' culture: their practice is counted, not the beneficiaries'.
    const developed = parties.filter((p) => p.developing === false);
    const developing = parties.filter((p) => p.developing === true);
    if (developed.length && developing.length && !PREFERENTIAL.some((code) => codes.has(code)))
      wanted.push({ kind: DraftGapKind.NO_PREFERENTIAL_TREATMENT, lacking: PREFERENTIAL });
    if (!wanted.length) return [];
    const agreements = await this.partyAgreements(parties.map((p) => p.code));
    const through = await blocsBindingThrough(
      this.em,
      parties.map((p) => p.code),
    );
    const gaps: DraftGap[] = [];
    for (const { kind, lacking } of wanted) {
      const practice: DraftPartyPractice[] = [];
      const counted =
        kind === DraftGapKind.NO_CONVENTION_REFERENCE
          ? conventionParties
          : kind === DraftGapKind.NO_PREFERENTIAL_TREATMENT
            ? developed
            : parties;
      for (const party of counted) {
        // What the agreement carries for this party: a clause that names the parties it covers (Canada's
        // cultural exemption in the USMCA) is not another party's practice.
        const carries = (a: AgreementFacts, codes: TaxonomyCodeId[], accepted = false) =>
          a.annotations.some(
            (x) =>
              codes.includes(x.code) &&
              (!accepted || x.accepted) &&
              coversParty(x.partyScope, party.code, null),
          );
        const own = agreements.filter((a) => a.parties.includes(party.code) && a.dateSigned);
        const latest = own.reduce((max, x) => (x.dateSigned! > max ? x.dateSigned! : max), '');
        const { since, basis } =
          kind === DraftGapKind.NO_CONVENTION_REFERENCE
            ? party.convention!
            : {
                since: latest ? `${Number(latest.slice(0, 4)) - RECENT_YEARS}${latest.slice(4)}` : null,
                basis: DraftPracticeSince.RECENT_YEARS,
              };
        const inScope = own.filter((a) => {
          if (since === null || a.dateSigned! < since) return false;
          if (kind === DraftGapKind.NO_CONVENTION_REFERENCE) return true;
          // Preferential treatment is for developing partners' culture: CETA or the EU-Japan EPA cannot carry it.
          // Nor can an agreement whose developing parties are all on the party's side (Panama's EU - Central America).
          if (kind === DraftGapKind.NO_PREFERENTIAL_TREATMENT) return grantsToDeveloping(a, party.code);
          return (
            kind !== DraftGapKind.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT ||
            carries(a, [TaxonomyCodeId.ECOMMERCE_PROVISION])
          );
        });
        const carrying = inScope.filter((a) => carries(a, lacking));
        practice.push({
          party: party.code,
          partyName: party.name,
          agreements: inScope.length,
          carrying: carrying.length,
          reviewed: carrying.filter((a) => carries(a, lacking, true)).length,
          partial: inScope.filter((a) => !a.whole && !carrying.includes(a)).length,
          // A reference to cultural diversity carries the gap's lack, not an explicit reference: said apart, so
          // that "CAN 7 of 8" is not read against the party page's "refer explicitly" score (CETA alone).
          naming:
            kind === DraftGapKind.NO_CONVENTION_REFERENCE
              ? carrying.filter((a) => carries(a, [TaxonomyCodeId.CONVENTION_REF_EXPLICIT])).length
              : null,
          since,
          sinceBasis: basis,
          through: through.filter((t) => t.party === party.code).map((t) => t.bloc),
          conventionParty: party.convention ? true : party.conventionStatusUnknown ? null : false,
        });
      }
      const carrying = practice.some((p) => p.carrying > 0);
      const leftOut = leftOutOf(kind, parties);
      gaps.push({
        kind,
        basis: carrying ? DraftGapBasis.PARTY_PRACTICE : DraftGapBasis.CONVENTION,
        rule: RULES[kind],
        message: message(kind, practice, carrying, leftOut),
        scope: SCOPES[kind],
        practice,
        leftOut,
        precedents: await this.borrow(lacking, agreements, parties, carrying, language),
      });
    }
    return gaps;
  }

  /** The parties' agreements with their signature dates, parties and the codes of their annotations. */
  private async partyAgreements(codes: string[]): Promise<AgreementFacts[]> {
    const rows = await partnerAgreementsOf(this.em, codes);
    const byId = new Map<number, AgreementFacts>();
    for (const row of rows) {
      const id = row.agreementId;
      const facts: AgreementFacts = byId.get(id) ?? {
        id,
        dateSigned: row.dateSigned,
        parties: [],
        annotations: [],
        whole: canJudgeAbsence(row.record),
        partyFacts: [],
        sides: new Map(),
      };
      facts.parties.push(row.partyCode);
      facts.sides.set(row.partyCode, row.side);
      byId.set(id, facts);
    }
    if (!byId.size) return [];
    const partners = await partiesWithCodes(this.em, [
      ...new Set([...byId.values()].flatMap((facts) => facts.parties)),
    ]);
    const partyOf = new Map(
      partners.map((p) => [
        p.code,
        {
          code: p.code,
          kind: p.kind as PartyKind,
          developing: p.developing === null ? null : Boolean(p.developing),
        },
      ]),
    );
    for (const facts of byId.values())
      facts.partyFacts = facts.parties.flatMap((code) => {
        const party = partyOf.get(code);
        return party ? [{ ...party, side: facts.sides.get(code) ?? null }] : [];
      });
    const annotated = await annotatedCodesOf(this.em, [...byId.keys()]);
    for (const row of annotated)
      byId.get(row.agreementId)?.annotations.push({
        code: row.code as TaxonomyCodeId,
        accepted: row.status === AnnotationStatus.ACCEPTED,
        partyScope: row.partyScope,
      });
    return [...byId.values()];
  }

  /**
   * Clauses to borrow: the parties' own when they have some, else the catalogue's; the most recent ones carrying
   * the codes, explicit references to the Convention before implicit ones (`borrowTiers`), within each those a
   * reviewer has accepted before proposals (each marked: a negotiator borrows a reviewed clause with more trust),
   * one language version per agreement (the draft's language when the agreement has it, else the first found).
   */
  private async borrow(
    codes: TaxonomyCodeId[],
    agreements: AgreementFacts[],
    parties: PartyRow[],
    own: boolean,
    language: string,
  ): Promise<DraftGapPrecedent[]> {
    // The parties' own: their agreements that carry a code for one of them (as the practice counts it).
    const carriesForParty = (a: AgreementFacts) =>
      a.annotations.some(
        (x) =>
          codes.includes(x.code) &&
          parties.some((p) => a.parties.includes(p.code) && coversParty(x.partyScope, p.code, null)),
      );
    const scope = own ? agreements.filter(carriesForParty).map((a) => a.id) : null;
    type Row = { id: number; language: string | null; reviewed: boolean };
    const chosen = new Map<number, Row>();
    for (const tier of borrowTiers(codes)) {
      if (chosen.size >= BORROW) break;
      const fromTier = new Map<number, Row>();
      for (const row of await latestAnnotatedProvisions(this.em, tier, scope, BORROW * BORROW_VERSIONS)) {
        if (chosen.has(row.agreementId)) continue;
        const kept = fromTier.get(row.agreementId);
        if (!kept) {
          if (chosen.size + fromTier.size < BORROW) fromTier.set(row.agreementId, row);
          // Another language version, in the draft's language: taken unless it is only proposed where the kept one
          // was reviewed.
        } else if (
          kept.language !== language &&
          row.language === language &&
          (row.reviewed || !kept.reviewed)
        )
          fromTier.set(row.agreementId, row);
      }
      for (const [agreementId, row] of fromTier) chosen.set(agreementId, row);
    }
    const rows = [...chosen.values()];
    const byId = await this.similarity.load(rows.map((row) => row.id));
    return rows.flatMap((row) => {
      const provision = byId.get(row.id);
      if (!provision) return [];
      const annotationStatus = row.reviewed ? AnnotationStatus.ACCEPTED : AnnotationStatus.PROPOSED;
      return [{ provision, annotationStatus }];
    });
  }
}

/**
 * The codes a clause to borrow is looked for by, in turn: what paragraph 19.5 asks is an explicit reference to the
 * Convention, so a draft lacking any reference is offered explicit ones first (EU-Ukraine's Art. 440, not its
 * Art. 430 on cultural diversity), then the implicit ones; any other lack, all its codes at once.
 */
function borrowTiers(codes: TaxonomyCodeId[]): TaxonomyCodeId[][] {
  const explicit = codes.filter((code) => code === TaxonomyCodeId.CONVENTION_REF_EXPLICIT);
  const others = codes.filter((code) => code !== TaxonomyCodeId.CONVENTION_REF_EXPLICIT);
  return [explicit, others].filter((tier) => tier.length > 0);
}

const RULES: Record<DraftGapKind, string> = {
  [DraftGapKind.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT]: 'G19.4/ecommerce-without-cultural-carve-out',
  [DraftGapKind.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION]:
    'G19.4/services-investment-without-audiovisual-exclusion',
  [DraftGapKind.NO_CONVENTION_REFERENCE]: 'G19.5/no-convention-reference',
  [DraftGapKind.NO_PREFERENTIAL_TREATMENT]: 'G18.2/no-preferential-treatment',
};

const SCOPES: Record<DraftGapKind, string> = {
  [DraftGapKind.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT]: `each party's agreements with e-commerce provisions signed in the last ${RECENT_YEARS} years of its record`,
  [DraftGapKind.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION]: `each party's agreements signed in the last ${RECENT_YEARS} years of its record`,
  [DraftGapKind.NO_CONVENTION_REFERENCE]: `each party's agreements signed since the Convention entered into force for it (where the day is not recorded, since the latest date it can have given the year of deposit; with neither recorded, since ${CONVENTION_ENTERED_INTO_FORCE}, when the Convention entered into force), in force today or no longer, not one it signed and never applied; a reference to the Convention or to the diversity of cultural expressions counts`,
  [DraftGapKind.NO_PREFERENTIAL_TREATMENT]: `each developed party's agreements signed in the last ${RECENT_YEARS} years of its record with a developing-country partner, the only ones that can carry it (the developing parties benefit, they are not counted)`,
};

/**
 * One party's record in a gap's message, with what it rests on: "CAN 7 of 8", then (a missing reference) how
 * many of those carrying name the Convention, how many rest on annotations no reviewer has accepted, and how many of the others the catalogue holds only in part
 * (excerpts or facts alone: whether they carry one is not known).
 */
export function practiceRecord(p: DraftPartyPractice): string {
  const notes = [
    p.sinceBasis === DraftPracticeSince.IN_FORCE_BY
      ? `counted from ${p.since}, the latest date the Convention can have entered into force for it`
      : '',
    p.sinceBasis === DraftPracticeSince.CONVENTION_IN_FORCE
      ? `counted from ${p.since}: when the Convention entered into force for it is not recorded`
      : '',
    p.naming !== null && p.carrying ? `${p.naming || 'none'} of them naming the Convention` : '',
    p.carrying > p.reviewed ? `${p.carrying - p.reviewed} of them on annotations not yet reviewed` : '',
    p.partial ? `${p.partial} of the others held only in part` : '',
  ].filter(Boolean);
  return `${partyLabel(p)} ${p.carrying} of ${p.agreements}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/**
 * A party as a negotiator reads it: its name, then its code ("Korea, Republic of (KOR)"); a code alone left the
 * reader to decode EUN, ARE or CHE.
 */
export function partyLabel(p: Pick<DraftPartyPractice, 'party' | 'partyName'>): string {
  return p.partyName && p.partyName !== p.party ? `${p.partyName} (${p.party})` : p.party;
}

function message(
  kind: DraftGapKind,
  practice: DraftPartyPractice[],
  carrying: boolean,
  leftOut: DraftGapLeftOut[],
): string {
  // A member state with no agreement of its own in scope negotiates through its bloc: said, with the bloc to name.
  const blocs = practice
    .filter((p) => p.agreements === 0 && p.through.length)
    .map(
      (p) =>
        ` ${partyLabel(p)} is bound through ${p.through.join(', ')}: name ${p.through.join(' or ')} to compare with ${p.through.length === 1 ? 'its' : 'their'} agreements.`,
    )
    .join('');
  return sentence(kind, practice, carrying) + blocs + leftOutSentences(leftOut);
}

/**
 * The parties a gap does not count, and why: of a missing reference to the Convention, those not known to be
 * Parties to it (before, Singapore, whose status is not recorded, was said not to be counted, and Japan, not a
 * Party, was left out without a word); of preferential treatment, the developing parties, which benefit from it,
 * and those whose development status is not recorded.
 */
export function leftOutOf(
  kind: DraftGapKind,
  parties: readonly Pick<
    PartyRow,
    'code' | 'name' | 'developing' | 'conventionStatusUnknown' | 'convention'
  >[],
): DraftGapLeftOut[] {
  const reason = (p: (typeof parties)[number]): DraftLeftOutReason | null => {
    if (kind === DraftGapKind.NO_CONVENTION_REFERENCE) {
      if (p.convention) return null;
      return p.conventionStatusUnknown
        ? DraftLeftOutReason.CONVENTION_STATUS_UNKNOWN
        : DraftLeftOutReason.NOT_A_CONVENTION_PARTY;
    }
    if (kind === DraftGapKind.NO_PREFERENTIAL_TREATMENT) {
      if (p.developing === true) return DraftLeftOutReason.DEVELOPING;
      return p.developing === null ? DraftLeftOutReason.DEVELOPMENT_STATUS_UNKNOWN : null;
    }
    return null;
  };
  return parties.flatMap((p) => {
    const why = reason(p);
    return why ? [{ party: p.code, partyName: p.name, reason: why }] : [];
  });
}

/**
 * The parties whose status under the Convention is not recorded that no gap says so of (`leftOutOf`): the gap on a
 * reference to the Convention says it where it matters, of the parties it does not count; a note says it only of the
 * others (the draft refers to the Convention, or no party is known to be one, so there is no such gap). It was said
 * twice, in the gap and in the note above the gaps. The page and the command line read it; GraphQL gives every such
 * party in `conventionStatusUnknown` and says it in the gap's message.
 */
export function conventionStatusUnsaid(check: {
  conventionStatusUnknown: readonly string[];
  gaps: readonly { leftOut: readonly { party: string; reason: string }[] }[];
}): string[] {
  const said = new Set(
    check.gaps.flatMap((g) =>
      g.leftOut.filter((p) => p.reason === DraftLeftOutReason.CONVENTION_STATUS_UNKNOWN).map((p) => p.party),
    ),
  );
  return check.conventionStatusUnknown.filter((code) => !said.has(code));
}

/** The message's sentences on the parties left out (`leftOutOf`), one per reason, each naming them as the counts do. */
export function leftOutSentences(leftOut: readonly DraftGapLeftOut[]): string {
  const said: Record<DraftLeftOutReason, (names: string, one: boolean) => string> = {
    [DraftLeftOutReason.NOT_A_CONVENTION_PARTY]: (names, one) =>
      `${names} ${one ? 'is not a Party' : 'are not Parties'} to the Convention: not counted.`,
    [DraftLeftOutReason.CONVENTION_STATUS_UNKNOWN]: (names, one) =>
      `Whether ${names} ${one ? 'is a Party' : 'are Parties'} to the Convention is not recorded: not counted.`,
    [DraftLeftOutReason.DEVELOPING]: (names, one) =>
      `${names} ${one ? 'is a developing party' : 'are developing parties'}, which preferential treatment benefits: not counted.`,
    [DraftLeftOutReason.DEVELOPMENT_STATUS_UNKNOWN]: (names, one) =>
      `Whether ${names} ${one ? 'is a developing party' : 'are developing parties'} is not recorded: not counted.`,
  };
  return Object.values(DraftLeftOutReason)
    .map((reason) => {
      const named = leftOut.filter((p) => p.reason === reason).map(partyLabel);
      return named.length ? ` ${said[reason](named.join(', '), named.length === 1)}` : '';
    })
    .join('');
}

/**
 * What the Convention's Operational Guidelines expect, said of the parties counted: they speak to the Convention's
 * Parties, so of the United States or Japan (not Parties) or Singapore (no status recorded) alone they expect nothing.
 */
export function expectedOfSome(practice: Pick<DraftPartyPractice, 'conventionParty'>[]): boolean {
  return practice.some((p) => p.conventionParty === true);
}

function guidelines(practice: DraftPartyPractice[]): string {
  return expectedOfSome(practice)
    ? "but the Convention's Operational Guidelines expect it"
    : "and the Convention's Operational Guidelines, which expect it, speak to its Parties: none of these parties is known to be one";
}

function sentence(kind: DraftGapKind, practice: DraftPartyPractice[], carrying: boolean): string {
  const record = practice
    .filter((p) => p.agreements > 0)
    .map(practiceRecord)
    .join(', ');
  const what = {
    [DraftGapKind.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT]:
      'The draft has e-commerce provisions but no cultural carve-out or cultural exemption',
    [DraftGapKind.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION]:
      'The draft has services or investment provisions but no audiovisual exclusion or cultural exemption',
    // What the gap means and what "carry one" counts: a reference to the Convention or to cultural diversity.
    [DraftGapKind.NO_CONVENTION_REFERENCE]:
      'The draft refers neither to the 2005 Convention nor to the diversity of cultural expressions',
    [DraftGapKind.NO_PREFERENTIAL_TREATMENT]:
      'The draft gives culture from its developing parties no preferential treatment (entry of artists, co-production, market access or technical assistance)',
  }[kind];
  // With no agreement in scope (a member state negotiating through its bloc, a party with no record) there is no
  // practice to speak of: saying that none carries one would read as a practice without it. Said of the catalogue,
  // which ends where its sources end (Kenya's latest is of 2007), not of the party.
  if (!record)
    return `${what}; the catalogue holds none of the parties' agreements in scope to compare with (${practice.map(partyLabel).join(', ')}), ${guidelines(practice)}.`;
  // Carried only by proposals of the rules, the practice is not yet confirmed: said so, and each count says it.
  const confirmed = practice.some((p) => p.reviewed > 0);
  return carrying
    ? `${what}, while the parties' own agreements ${confirmed ? 'carry' : 'appear to carry'} one (${record}).`
    : `${what}; none of the parties' agreements in scope carries one${practice.some((p) => p.partial) ? ' as far as the catalogue holds their text' : ''} (${record}), ${guidelines(practice)}.`;
}
