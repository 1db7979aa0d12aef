import { EntityManager } from '@mikro-orm/knex';
import { BLOC_ONLY_CONFLICT, BindingPartyRow, blocOnlyConflict } from './binding';
import { BindingRepository } from './repository/binding.repository';

/**
 * What is wrong with recording `concludedBy` on an agreement with these parties, read against the catalogue's bloc
 * memberships (`blocOnlyConflict`): the message for the field `concludedBy`, or null. Every door that writes an
 * agreement (the API's mutations, `import json`, the fixtures, the importers' writer) asks it.
 */
export async function concludedByProblem(
  em: EntityManager,
  agreement: { dateSigned?: string | null; concludedBy?: string | null },
  parties: readonly (Pick<BindingPartyRow, 'code'> &
    Partial<Pick<BindingPartyRow, 'role' | 'dateJoined' | 'dateProvisionallyApplied' | 'dateInForce'>>)[],
): Promise<string | null> {
  if (agreement.concludedBy !== 'BLOC_ONLY' || !parties.length) return null;
  const conflict = blocOnlyConflict(
    { dateSigned: agreement.dateSigned ?? null, concludedBy: agreement.concludedBy },
    parties.map((p) => ({
      code: p.code,
      role: p.role === 'ACCEDED' ? 'ACCEDED' : 'ORIGINAL',
      dateJoined: p.dateJoined ?? null,
      dateProvisionallyApplied: p.dateProvisionallyApplied ?? null,
      dateInForce: p.dateInForce ?? null,
    })),
    await new BindingRepository(em).memberships(),
  );
  return conflict ? BLOC_ONLY_CONFLICT(conflict.code, conflict.bloc) : null;
}
