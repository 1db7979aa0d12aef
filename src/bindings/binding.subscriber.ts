import { ChangeSetType, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementParty } from '../agreements/agreement-party.entity';
import { BlocMembership } from '../parties/bloc-membership.entity';
import { Party } from '../parties/party.entity';
import { refreshBindings } from './refresh-bindings';

/**
 * Keeps `agreement_binding` in step with every flush that changes an agreement, its parties, a bloc membership or
 * a party's territory status, in the same transaction as the change. Nobody calls `refreshBindings` by hand.
 */
export class BindingSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const ids = new Set<number>();
    let all = false;
    for (const cs of uow.getChangeSets()) {
      if (cs.entity instanceof Agreement && cs.type !== ChangeSetType.DELETE) ids.add(cs.entity.id);
      else if (cs.entity instanceof AgreementParty) ids.add(agreementIdOf(cs.entity, cs.originalEntity));
      else if (cs.entity instanceof BlocMembership) all = true;
      else if (
        cs.entity instanceof Party &&
        cs.type === ChangeSetType.UPDATE &&
        'territoryOf' in (cs.payload ?? {})
      )
        all = true;
    }
    if (all) await refreshBindings(em as EntityManager, null);
    else if (ids.size)
      await refreshBindings(
        em as EntityManager,
        [...ids].filter((id) => Number.isInteger(id)),
      );
  }
}

function agreementIdOf(row: AgreementParty, original: unknown): number {
  const ref = row.agreement as unknown as { id?: number } | number | undefined;
  if (typeof ref === 'number') return ref;
  if (ref?.id !== undefined) return ref.id;
  return Number((original as { agreement?: number } | undefined)?.agreement);
}
