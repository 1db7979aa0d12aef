import { EntityManager } from '@mikro-orm/knex';
import { computeBindings } from './binding';
import { BindingRepository } from './repository/binding.repository';

/**
 * Recomputes `agreement_binding` for the given agreements (all when `ids` is null) from the rows the catalogue
 * holds, inside the caller's transaction. Called by the flush subscriber whenever an agreement, its parties or a
 * bloc membership changes.
 */
export async function refreshBindings(em: EntityManager, ids: number[] | null): Promise<void> {
  if (ids && !ids.length) return;
  const repository = new BindingRepository(em);
  const { agreements, partiesOf, memberships } = await repository.facts(ids);
  const bindings = agreements.flatMap((agreement) =>
    computeBindings(agreement, partiesOf.get(agreement.id) ?? [], memberships),
  );
  await repository.replace(ids, bindings);
}
