import { Migration } from '@mikro-orm/migrations';

/**
 * A party that withdrew on a known day from an agreement that ended on a day no source gives is known not bound from
 * its withdrawal on (it read "not known" on every day). The bindings are derived data: emptied here, they are computed
 * again by the current rule at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261207130000_binding_withdrawn_before_undated_end extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from `agreement_binding`;');
  }
}
