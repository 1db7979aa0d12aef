import { EntityManager } from '@mikro-orm/knex';
import { inputRefusal } from '../common/refusal-texts';
import { shownCode } from '../common/errors';
import { PartyRepository } from './repository/party.repository';

/**
 * Party codes asked for by a filter, in upper case without repeats, once the catalogue holds each of them; else
 * BAD_USER_INPUT at `argument` naming the unknown ones (also as `unknown`): a mistyped code would otherwise be
 * answered "no agreement", "no flow" or an empty file. Every filter on party codes checks them here.
 */
const SHOWN_CODE_LENGTH = 12;

/**
 * The codes each database (by its ORM's configuration, which every fork shares) was seen to hold. A party row is
 * never deleted, so a code once found is kept for the process; one not found is read again every time (a party
 * added by another process is found at once). A filter on party codes then reads nothing for them: under
 * bench:load the check was a trip of its own to SQLite's one connection (docs/performance-log.md, load6).
 */
const knownCodes = new WeakMap<object, Set<string>>();

export async function checkPartyCodes(
  em: EntityManager,
  argument: string,
  codes: readonly string[] | null | undefined,
): Promise<string[]> {
  const upper = [...new Set((codes ?? []).map((code) => code.trim().toUpperCase()))];
  if (!upper.length) return upper;
  let known = knownCodes.get(em.config);
  if (!known) knownCodes.set(em.config, (known = new Set()));
  const unread = upper.filter((code) => !known.has(code));
  if (unread.length) for (const code of await new PartyRepository(em).existingCodes(unread)) known.add(code);
  // Named as the message quotes them, in the message and in `unknown` alike (shownCode): a code longer than any code
  // is cut, so that the answer need not carry a client's megabyte back, and a look-alike or a bidirectional mark is
  // printed as its code point (`unknown` carried it raw).
  const unknown = upper.filter((code) => !known.has(code)).map((code) => shownCode(code, SHOWN_CODE_LENGTH));
  if (unknown.length)
    throw inputRefusal(
      argument,
      'unknownPartyCodes',
      { codes: unknown.map((code) => code || '""').join(', ') },
      { unknown },
    );
  return upper;
}
