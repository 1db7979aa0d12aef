import { Migration } from '@mikro-orm/migrations';

/**
 * An agreement recorded as terminated without a date of termination (ToTA "Inactive" with no date_inactive: the
 * Eurasian Economic Community, pta_97) binds its parties on no date we can name, no longer "until no date", that
 * is still today. The bindings are derived data: emptied here, they are computed again by the current rule at
 * start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261205070000_binding_terminated_without_date extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from `agreement_binding`;');
  }
}
