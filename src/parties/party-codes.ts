import { EntityManager } from '@mikro-orm/knex';
import { BadUserInputError } from '../common/errors';
import { PartyRepository } from './repository/party.repository';

/**
 * Party codes asked for by a filter, in upper case without repeats, once the catalogue holds each of them; else
 * BAD_USER_INPUT at `argument` naming the unknown ones (also as `unknown`): a mistyped code would otherwise be
 * answered "no agreement", "no flow" or an empty file. Every filter on party codes checks them here.
 */
const SHOWN_CODE_LENGTH = 12;

export async function checkPartyCodes(
  em: EntityManager,
  argument: string,
  codes: readonly string[] | null | undefined,
): Promise<string[]> {
  const upper = [...new Set((codes ?? []).map((code) => code.trim().toUpperCase()))];
  if (!upper.length) return upper;
  const known = await new PartyRepository(em).existingCodes(upper);
  // Named as sent, but a code longer than any code is cut: the answer need not carry a client's megabyte back.
  const unknown = upper
    .filter((code) => !known.has(code))
    .map((code) => (code.length > SHOWN_CODE_LENGTH ? `${code.slice(0, SHOWN_CODE_LENGTH)}…` : code));
  if (unknown.length)
    throw new BadUserInputError(
      argument,
      `unknown party code(s) ${unknown.map((code) => code || '""').join(', ')}`,
      { unknown },
    );
  return upper;
}
