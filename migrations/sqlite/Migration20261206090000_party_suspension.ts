import { Migration } from '@mikro-orm/migrations';

/**
 * A party whose rights and obligations under an agreement are suspended (MERCOSUR suspended Venezuela's on
 * 2017-08-05): `agreement_party.suspended_from`, `suspended_until` (lifted), `suspension_source`; the bindings carry
 * the suspension (`agreement_binding.suspended_from`, `suspended_until`), not bound while it lasts. Bindings are
 * derived data: emptied here, computed again by the current rule at start-up (database-initializer.ts,
 * deriveBindingsOnce).
 */
export class Migration20261206090000_party_suspension extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `agreement_party` add column `suspended_from` text null;');
    this.addSql('alter table `agreement_party` add column `suspended_until` text null;');
    this.addSql('alter table `agreement_party` add column `suspension_source` text null;');
    this.addSql('alter table `agreement_binding` add column `suspended_from` text null;');
    this.addSql('alter table `agreement_binding` add column `suspended_until` text null;');
    this.addSql('delete from `agreement_binding`;');
  }
}
