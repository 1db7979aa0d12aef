import { Migration } from '@mikro-orm/migrations';

/**
 * A bloc member's `dateBoundUntil` is the last day of its transition (the United Kingdom was bound by the EU's
 * agreements on 2020-12-31), so its binding now ends the day after it (`until` is exclusive). The rows are
 * derived data: emptied here, they are computed again by the current rule at start-up
 * (database-initializer.ts, deriveBindingsOnce), so this migration needs no application code.
 */
export class Migration20261204170000_binding_transition_last_day extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from `agreement_binding`;');
  }
}
