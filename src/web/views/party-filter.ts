import { markup, Html } from '../html';
import { WebContext } from '../web-context';
import { badRequest } from '../web-errors';
import { shownName } from '../../common/errors';
import { refusesAsJson } from '../../common/html-error-page';
import {
  MAX_PARTY_NAME_LENGTH,
  MAX_PARTY_NAMES,
  MAX_TYPED_PARTIES,
  PARTY_NAME_MATCHES,
  readTypedParties,
} from '../../parties/typed-parties';

interface FoundParties {
  parties: { edges: { node: { code: string; name: string } }[] };
}

const FIND_PARTIES = `query WebFindParties($filter: PartyFilter, $first: Int) {
  parties(first: $first, filter: $filter, orderBy: { field: NAME }) { edges { node { code name } } }
}`;

/** The parties a page's `party` parameter names, or why one of its values names none or several. */
export interface PartyChoice {
  /** What the user typed, to show again in the form. */
  typed: string[];
  codes: string[];
  problem?: string;
}

/**
 * Reads the parties a form names (the filter forms' `party` parameter, by default) by the rule every door that takes
 * typed parties follows (`readTypedParties`): codes as they are, names looked up, each naming one party.
 */
export async function partyChoice(
  ctx: WebContext,
  pieces: string[] = ctx.list('party'),
  name = 'party',
  maxParties: number = MAX_TYPED_PARTIES,
): Promise<PartyChoice> {
  const reading = await readTypedParties(
    ctx.lang,
    pieces,
    async (filter) => {
      const { parties } = await ctx.query<FoundParties>(FIND_PARTIES, { filter, first: PARTY_NAME_MATCHES });
      return parties.edges.map((e) => e.node);
    },
    maxParties,
  );
  const { typed, codes, problem } = reading;
  if (!problem) return { typed, codes };
  // Each problem is said beside the form that holds what was typed (the draft's text with it): until 7 December 2026
  // too many names, too many parties or one too long were the error page, the pasted draft lost.
  if (problem.kind === 'TOO_MANY_NAMES')
    return { typed, codes, problem: ctx.t('error.tooManyNames', { name, max: MAX_PARTY_NAMES }) };
  if (problem.kind === 'TOO_MANY_PARTIES')
    return { typed, codes, problem: ctx.t('error.tooManyParties', { name, max: maxParties }) };
  if (problem.kind === 'TOO_LONG')
    return { typed, codes, problem: ctx.t('error.tooLong', { name, max: MAX_PARTY_NAME_LENGTH }) };
  const { matches } = problem;
  // Quoted as typed but for a look-alike's letters, printed as code points.
  const value = shownName(problem.value);
  return {
    typed,
    codes,
    problem:
      problem.kind === 'AMBIGUOUS'
        ? ctx.t('error.partyAmbiguous', {
            name,
            value,
            matches:
              matches.map((p) => `${ctx.partyName(p)} (${p.code})`).join(', ') +
              (matches.length > 5 ? ', …' : ''),
          })
        : ctx.t('error.partyUnknown', { name, value }),
  };
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
