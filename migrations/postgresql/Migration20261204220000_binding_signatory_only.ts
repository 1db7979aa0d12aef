import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement_binding.signatory_only`: the party signed only (or is bound through a bloc that signed only) and is
 * never bound, which a binding with unknown dates (an accession nobody dated) does not say. The reports that ask
 * no date (partners, trends by party or region, flows) leave such parties out. Bindings are derived data: emptied
 * here, computed again by the current rule at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261204220000_binding_signatory_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "agreement_binding" add column "signatory_only" boolean not null default false;',
    );
    this.addSql('delete from "agreement_binding";');
  }
}
