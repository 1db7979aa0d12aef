import { cldrPartyName, partyNameForm } from '../../parties/party-names';
import { markup, Html } from '../html';
import type { MessageKey } from '../i18n';
import type { WebContext } from '../web-context';
import { CATALOGUE_LANGUAGE } from './common';

/**
 * The sides the ToTA import writes for a group of parties (`ingest/tota/agreement-sides.ts`: "EFTA States", "the GCC
 * Member States" without its article, ...), with their words in the interface's one translation table (`i18n.ts`).
 */
const KNOWN_SIDES: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['EFTA States', 'side.eftaStates'],
  ['GCC Member States', 'side.gccStates'],
  ['SACU States', 'side.sacuStates'],
  ['Central American States', 'side.centralAmericanStates'],
]);

/** One party of an agreement as the agreement page reads it. */
export interface SidedParty {
  party: { code: string; name: string };
  side: string | null;
}

/**
 * A side of an agreement (`agreement_party.side`, the record's English label) as the page's language says it: a side
 * known to the translation table in its words; a side of one party, or one whose label names its parties
 * ("El Salvador and Honduras"), by its parties' names in that language (CLDR's, joined as the language joins a list);
 * any other label as the record writes it, marked English. In English the label is shown as written.
 */
export function sideName(ctx: WebContext, side: string, parties: readonly SidedParty[]): Html {
  const asWritten = markup`<span lang="${CATALOGUE_LANGUAGE}">${side}</span>`;
  if (ctx.lang === 'en') return asWritten;
  const key = KNOWN_SIDES.get(side.replace(/^the\s+/i, ''));
  if (key) return markup`${ctx.t(key)}`;
  const members = parties.filter((p) => p.side === side).map((p) => p.party);
  const named = side.split(/,\s*|\s+and\s+/);
  const sortedNames = (names: readonly string[]) => [...names].sort().join('\n');
  const namesLabel = members.length > 1 && sortedNames(named) === sortedNames(members.map((m) => m.name));
  if (members.length !== 1 && !namesLabel) return asWritten;
  // In the label's order ("El Salvador and Honduras"), not the page's.
  if (namesLabel) members.sort((a, b) => named.indexOf(a.name) - named.indexOf(b.name));
  const names = members.map((m) => cldrPartyName(ctx.lang, m.code));
  if (names.some((n) => n === undefined)) return asWritten;
  return markup`${new Intl.ListFormat(ctx.lang, { type: 'conjunction' }).format(names as string[])}`;
}

/**
 * A bloc's name after "through" in the page's language: "the European Union", "de l’Union européenne", "du
 * Mercosur", "de la Unión Europea", "del Mercosur" (French and Spanish contract "de" with the article).
 */
export const viaBlocName = (ctx: Pick<WebContext, 'lang'>, bloc: { code: string; name: string }) =>
  partyNameForm(ctx.lang, bloc.code, bloc.name, ctx.lang === 'en' ? 'the' : 'of');
