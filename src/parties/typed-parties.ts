import type { Language } from '../common/i18n';
import { LIST_BOUNDS } from '../common/list-cost';
import { partyCodeByLocalName, partyCodesByLocalNamePart } from './party-names';

/** A party as the catalogue names it. */
export interface NamedParty {
  code: string;
  name: string;
}

/**
 * The caller's own query for parties, the first few by name: those whose English name contains the typed text, or
 * those with the codes given (the parties whose name in the page's language holds the typed words).
 */
export type PartiesByName = (filter: { nameContains: string } | { codes: string[] }) => Promise<NamedParty[]>;

/**
 * The most names one field may have looked up in the catalogue (each is a query, two at most). Codes are taken as they
 * are, and names the service knows without a query (`partyCodeByLocalName`: CLDR's, the United Nations' and the WTO's
 * names, "Japan", "Viet Nam", "Korea, Republic of") are not counted: only the MAX_TYPED_PARTIES bound holds them.
 * Until 7 December 2026 every name counted, so that the twelve parties of the CPTPP typed by name (or the
 * EU-CARIFORUM EPA's, or the participants of a WTO initiative) were refused though none needed a query.
 */
export const MAX_PARTY_NAMES = 10;
/** The longest name looked up. */
export const MAX_PARTY_NAME_LENGTH = 100;
/**
 * The most parties one field names, codes and names together, repeats counted once: as many as an agreement lists
 * (LIST_BOUNDS.agreementParties). Until 7 December 2026 there was no bound: the explorer's search page drew one chip
 * per party, each linking to the search without it, 3,000 codes in a 12 kB address made 36 MB of links and held the
 * event loop 5.8 s.
 */
export const MAX_TYPED_PARTIES = LIST_BOUNDS.agreementParties;
/**
 * The most parties a draft is checked for, in every door of the draft checker (its form, whose hint and refusal say it,
 * its JSON body, GraphQL input and command line): the participants of a WTO plurilateral initiative, the 91 of the
 * Joint Statement Initiative on Electronic Commerce (INF/ECOM/87, 2024; $CORPUS_DIR/drafts) with the European Union as
 * one, or with its 27 member states named instead (117), and room. Until 8 December 2026 it was MAX_TYPED_PARTIES (60,
 * an agreement's most parties), below the initiative's participants. A check's per-party work (their agreements, their
 * practice, clauses to borrow) is read in the same statements whatever their number: on the ToTA corpus, the whole WTO
 * draft checked for the 60, 90 and 120 countries party to the most agreements ran 23 statements each, read 4,844,
 * 5,140 and 5,197 rows, answered 341, 364 and 379 kB, at a CPU time within this machine's noise (medians 310, 320 and
 * 310 ms; `bench/search/draft-parties-cost.ts`, docs/performance-log.md, data26): far within the request's budget
 * (REQUEST_TIMEOUT_MS, 15 s) and its flat rate-limit points (RATE_COSTS.draftCheck).
 */
export const MAX_DRAFT_PARTIES = 120;
/** How many parties a name's look-up asks for: one more than an ambiguity shows. */
export const PARTY_NAME_MATCHES = 6;

/** What the parties typed in one field name, or why one of them names none or several. */
export interface TypedPartiesReading {
  /** What the user typed, a name holding a comma whole, to show again in a form. */
  typed: string[];
  codes: string[];
  problem?: TypedPartyProblem;
}

/**
 * Why the parties typed cannot be read: a value that names no party or several, too many names, too many parties
 * (MAX_TYPED_PARTIES), one too long.
 */
export type TypedPartyProblem =
  | { kind: 'UNKNOWN'; value: string; matches: NamedParty[] }
  | { kind: 'AMBIGUOUS'; value: string; matches: NamedParty[] }
  | { kind: 'TOO_MANY_NAMES' }
  | { kind: 'TOO_MANY_PARTIES' }
  | { kind: 'TOO_LONG' };

const isCode = (value: string) => /^[A-Za-z]{3}$/.test(value);

/** A value read by a query of the catalogue: no code, no name known without one; one too long is refused unread. */
const needsLookUp = (lang: Language, value: string): boolean =>
  !isCode(value) && value.length <= MAX_PARTY_NAME_LENGTH && !partyCodeByLocalName(lang, value);

/**
 * The parties typed in fields, one per comma, semicolon or line, and a run of codes split at its spaces ("CAN
 * KOR"); `readTypedParties` puts a name that holds a comma back together ("Korea, Republic of").
 */
export function typedParties(fields: readonly string[]): string[] {
  return fields
    .flatMap((field) => field.split(/[,;\n]/))
    .map((value) => value.trim())
    .filter(Boolean)
    .flatMap((value) => (/^[A-Za-z]{3}(\s+[A-Za-z]{3})*$/.test(value) ? value.split(/\s+/) : [value]));
}

/**
 * The values of a field split at its commas, a name that holds one kept whole: the WTO's names as the agreement
 * titles write them, "Korea, Republic of", "Hong Kong, China" (`partyCodeByLocalName`), were read as two names, the
 * first several parties' ("Korea": a 400) or another party ("China", whose agreements were listed too).
 */
function withInvertedNames(lang: Language, pieces: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const joined = i + 1 < pieces.length ? `${pieces[i]}, ${pieces[i + 1]}` : undefined;
    if (joined && partyCodeByLocalName(lang, joined)) {
      values.push(joined);
      i++;
    } else values.push(pieces[i]);
  }
  return values;
}

/**
 * A party as a user writes it, in every door that takes parties typed (the explorer's forms, the draft checker's
 * form, JSON body, GraphQL input and command line): an ISO 3166 alpha-3 code is taken as it is (upper case; whether
 * the catalogue holds it is the caller's check), a two-letter code or a name in `lang` or the WTO's names is
 * `partyCodeByLocalName`'s, anything else is looked up in the catalogue's names, then in the names in `lang` ("Corée"
 * in French), and must name one party (its whole name when it is part of several, e.g. "Korea").
 */
export async function readTypedParties(
  lang: Language,
  pieces: readonly string[],
  byName: PartiesByName,
  maxParties: number = MAX_TYPED_PARTIES,
): Promise<TypedPartiesReading> {
  // Counted before and after a name holding a comma is put back together (two pieces, one party), so that a field
  // of thousands is refused before any of it is read.
  const distinct = (values: readonly string[]) => new Set(values.map((v) => v.toUpperCase())).size;
  if (distinct(pieces) > 2 * maxParties)
    return { codes: [], typed: [], problem: { kind: 'TOO_MANY_PARTIES' } };
  const typed = withInvertedNames(lang, pieces);
  if (distinct(typed) > maxParties) return { codes: [], typed, problem: { kind: 'TOO_MANY_PARTIES' } };
  if (typed.filter((value) => needsLookUp(lang, value)).length > MAX_PARTY_NAMES)
    return { codes: [], typed, problem: { kind: 'TOO_MANY_NAMES' } };
  const codes: string[] = [];
  for (const value of typed) {
    if (isCode(value)) {
      codes.push(value.toUpperCase());
      continue;
    }
    if (value.length > MAX_PARTY_NAME_LENGTH) return { codes, typed, problem: { kind: 'TOO_LONG' } };
    const local = partyCodeByLocalName(lang, value);
    if (local) {
      codes.push(local);
      continue;
    }
    let found = await byName({ nameContains: value });
    const localCodes = found.length ? [] : partyCodesByLocalNamePart(lang, value);
    if (localCodes.length) found = await byName({ codes: localCodes });
    const exact = found.filter((p) => p.name.toLowerCase() === value.toLowerCase());
    const [only, ...others] = exact.length === 1 ? exact : found;
    if (only && others.length === 0) {
      codes.push(only.code);
      continue;
    }
    return {
      codes,
      typed,
      problem: { kind: only ? 'AMBIGUOUS' : 'UNKNOWN', value, matches: found } as TypedPartyProblem,
    };
  }
  return { codes: [...new Set(codes)], typed };
}
