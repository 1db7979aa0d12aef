import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement_binding.via` now also names the bloc of a member state listed beside it (a mixed agreement), which
 * the reports used to work out in their own statement. The rows are derived data: emptied here, they are
 * computed again by the current rule at start-up (database-initializer.ts, deriveBindingsOnce), so this
 * migration needs no application code.
 */
export class Migration20261203120000_binding_via_mixed extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from `agreement_binding`;');
  }
}
