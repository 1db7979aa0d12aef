import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement_binding.agreement_first_dates`: the binding's start dates are the agreement's first (entry into force,
 * provisional application), not the party's own: an original party with no date of its own on an agreement of three
 * or more sides (CAFTA-DR entered into force for Costa Rica three years after its first date). Bindings are derived
 * data: emptied here, computed again by the current rule at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261205090000_binding_agreement_first_dates extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "agreement_binding" add column "agreement_first_dates" boolean not null default false;',
    );
    this.addSql('delete from "agreement_binding";');
  }
}
