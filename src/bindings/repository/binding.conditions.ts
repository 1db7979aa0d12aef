import { Where } from '../../common/sql';
import { BindingMode } from '../binding';

/** When a party must be bound: at any time (no date), or in effect on a date in one of the two modes. */
export interface BoundWhen {
  on?: string | null;
  mode?: BindingMode;
}

/**
 * The `agreement_binding` rows (under `alias`) in effect on `on`, all rows without a date: the SQL form of
 * `isBoundOn` (`bindings/binding.ts`), checked against it by `binding.repository.spec.ts`.
 */
export function bindingInEffect(when: BoundWhen = {}, alias = 'b'): Where {
  return (qb) => {
    if (!when.on) return;
    const from = when.mode === 'IN_FORCE' ? 'in_force_from' : 'applied_from';
    qb.where(`${alias}.${from}`, '<=', when.on)
      .where((until) => until.whereNull(`${alias}.until`).orWhere(`${alias}.until`, '>', when.on!))
      .where(notSuspendedOn(when.on, alias));
  };
}

/** The rows (under `alias`) whose party's rights and obligations are not suspended on `on`: `suspendedOn`'s negation. */
export function notSuspendedOn(on: string, alias = 'b'): Where {
  return (qb) => {
    qb.where((s) =>
      s
        .whereNull(`${alias}.suspended_from`)
        .orWhere(`${alias}.suspended_from`, '>', on)
        .orWhere((lifted) =>
          lifted.whereNotNull(`${alias}.suspended_until`).where(`${alias}.suspended_until`, '<=', on),
        ),
    );
  };
}

/**
 * The `agreement_binding` rows (under `alias`) of parties bound at some time, whether or not anyone recorded when:
 * every row but those of a party that signed only (`Binding.signatoryOnly`), which is never bound. What asks no
 * date and says "the parties an agreement binds" (the reports' partners, trends by party or region, flows) reads
 * these; those reports leave out, and name apart, a party suspended on their day (today: `suspendedOn`, read from
 * the rows' `suspended_from` and `suspended_until`).
 */
export function boundAtSomeTime(alias = 'b'): Where {
  return (qb) => {
    qb.where(`${alias}.signatory_only`, false);
  };
}

/** The other rows (under `alias`): a party that signed only, bound on no date (the TPP's twelve; Haiti of the EPA). */
export function signedOnly(alias = 'b'): Where {
  return (qb) => {
    qb.where(`${alias}.signatory_only`, true);
  };
}

/** `idColumn` is an agreement that binds one of `codes` (directly or through a bloc), as `when` says. */
export function boundByAny(idColumn: string, codes: readonly string[], when: BoundWhen = {}): Where {
  const upper = codes.map((c) => c.toUpperCase());
  return (qb) => {
    qb.whereIn(idColumn, (sub) =>
      sub
        .select('b.agreement_id')
        .from('agreement_binding as b')
        .whereIn('b.party_code', upper)
        .where(bindingInEffect(when)),
    );
  };
}

/** `idColumn` is an agreement in effect on `on` for at least one of its parties. */
export function inEffectFor(idColumn: string, when: Required<BoundWhen>): Where {
  return (qb) => {
    qb.whereIn(idColumn, (sub) =>
      sub.select('b.agreement_id').from('agreement_binding as b').where(bindingInEffect(when)),
    );
  };
}
