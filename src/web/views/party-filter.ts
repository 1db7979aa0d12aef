import { markup, Html } from '../html';
import { WebContext } from '../web-context';
import { badRequest } from '../web-errors';
import { refusesAsJson } from '../../common/html-error-page';
import { partyCodeByLocalName, partyCodesByLocalNamePart } from '../../parties/party-names';

interface FoundParties {
  parties: { edges: { node: { code: string; name: string } }[] };
}

const FIND_PARTIES = `query WebFindParties($filter: PartyFilter) {
  parties(first: 6, filter: $filter, orderBy: { field: NAME }) { edges { node { code name } } }
}`;

/** The parties a page's `party` parameter names, or why one of its values names none or several. */
export interface PartyChoice {
  /** What the user typed, to show again in the form. */
  typed: string[];
  codes: string[];
  problem?: string;
}

/** The most names one form may look up (each is a query; codes are taken as they are). */
export const MAX_PARTY_NAMES = 10;

/**
 * Reads the parties a form names (the filter forms' `party` parameter, by default): an ISO 3166 alpha-3 code is
 * taken as it is (an unknown code matches nothing); anything else is looked up by name, and must name one party
 * (its whole name when it is part of several, e.g. "Korea").
 */
export async function partyChoice(
  ctx: WebContext,
  pieces: string[] = ctx.list('party'),
  name = 'party',
): Promise<PartyChoice> {
  const typed = withInvertedNames(ctx, pieces);
  if (typed.filter((value) => !/^[A-Za-z]{3}$/.test(value)).length > MAX_PARTY_NAMES)
    throw badRequest(ctx.t('error.tooManyNames', { name, max: MAX_PARTY_NAMES }), name);
  const codes: string[] = [];
  for (const value of typed) {
    if (/^[A-Za-z]{3}$/.test(value)) {
      codes.push(value.toUpperCase());
      continue;
    }
    if (value.length > 100) throw badRequest(ctx.t('error.tooLong', { name, max: 100 }));
    const local = partyCodeByLocalName(ctx.lang, value);
    if (local) {
      codes.push(local);
      continue;
    }
    let { parties } = await ctx.query<FoundParties>(FIND_PARTIES, { filter: { nameContains: value } });
    const localCodes = parties.edges.length ? [] : partyCodesByLocalNamePart(ctx.lang, value);
    if (localCodes.length)
      ({ parties } = await ctx.query<FoundParties>(FIND_PARTIES, { filter: { codes: localCodes } }));
    const found = parties.edges.map((e) => e.node);
    const exact = found.filter((p) => p.name.toLowerCase() === value.toLowerCase());
    const [only, ...others] = exact.length === 1 ? exact : found;
    if (only && others.length === 0) {
      codes.push(only.code);
      continue;
    }
    const problem = only
      ? ctx.t('error.partyAmbiguous', {
          name,
          value,
          matches:
            found.map((p) => `${ctx.partyName(p)} (${p.code})`).join(', ') + (found.length > 5 ? ', …' : ''),
        })
      : ctx.t('error.partyUnknown', { name, value });
    return { typed, codes, problem };
  }
  return { typed, codes: [...new Set(codes)] };
}

/**
 * The values of a field split at its commas, a name that holds one kept whole: the WTO's names as the agreement
 * titles write them, "Korea, Republic of", "Hong Kong, China" (`partyCodeByLocalName`), were read as two names, the
 * first several parties' ("Korea": a 400) or another party ("China", whose agreements were listed too).
 */
function withInvertedNames(ctx: WebContext, pieces: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const joined = i + 1 < pieces.length ? `${pieces[i]}, ${pieces[i + 1]}` : undefined;
    if (joined && partyCodeByLocalName(ctx.lang, joined)) {
      values.push(joined);
      i++;
    } else values.push(pieces[i]);
  }
  return values;
}

/**
 * The parties typed in one field, as `partyChoice` takes them: one per comma, semicolon or line (partyChoice puts a
 * WTO name that holds a comma, "Korea, Republic of", back together), and a run of codes split at its spaces ("CAN
 * KOR").
 */
export function typedParties(field: string): string[] {
  return field
    .split(/[,;\n]/)
    .map((value) => value.trim())
    .filter(Boolean)
    .flatMap((value) => (/^[A-Za-z]{3}(\s+[A-Za-z]{3})*$/.test(value) ? value.split(/\s+/) : [value]));
}

/**
 * A 400 shown in place, above the form the user can correct; a client that asked the page for JSON gets the JSON
 * refusal every other page gives, naming `argument`.
 */
export function problemNotice(ctx: WebContext, message: string, argument: string, hint?: string): Html {
  if (refusesAsJson(ctx.req)) throw badRequest(message, argument);
  ctx.res.status(400);
  return markup`<div class="notice error" role="alert">
    <p><strong>${ctx.t('error.badRequest')}</strong> (HTTP 400)</p>
    <p class="error-message">${message}</p>
    ${hint ? markup`<p class="hint">${hint}</p>` : ''}
  </div>`;
}
