import { inList, SqlCondition } from '../../common/sql';
import { BindingMode } from '../binding';

/** When a party must be bound: at any time (no date), or in effect on a date in one of the two modes. */
export interface BoundWhen {
  on?: string | null;
  mode?: BindingMode;
}

/** SQL for the `agreement_binding` rows in effect on `on` (all rows without a date), aliased `b`. */
export function bindingInEffect(when: BoundWhen = {}, alias = 'b'): SqlCondition {
  if (!when.on) return { sql: '1 = 1', params: [] };
  const from = when.mode === 'IN_FORCE' ? 'in_force_from' : 'applied_from';
  return {
    sql: `${alias}."${from}" <= ? and (${alias}."until" is null or ${alias}."until" > ?)`,
    params: [when.on, when.on],
  };
}

/** `idColumn` is an agreement that binds one of `codes` (directly or through a bloc), as `when` says. */
export function boundByAny(idColumn: string, codes: string[], when: BoundWhen = {}): SqlCondition {
  const list = inList(codes.map((c) => c.toUpperCase()));
  const effect = bindingInEffect(when);
  return {
    sql: `${idColumn} in (select b."agreement_id" from agreement_binding b where b."party_code" in ${list.sql} and ${effect.sql})`,
    params: [...list.params, ...effect.params],
  };
}

/** `idColumn` is an agreement in effect on `on` for at least one of its parties. */
export function inEffectFor(idColumn: string, when: Required<BoundWhen>): SqlCondition {
  const effect = bindingInEffect(when);
  return {
    sql: `${idColumn} in (select b."agreement_id" from agreement_binding b where ${effect.sql})`,
    params: effect.params,
  };
}
