import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement_party.signatory_only`: a party that signed but neither applies the agreement nor is bound by it (the
 * agreement's own dates do not reach it). Bindings are derived data: emptied here, computed again by the current
 * rule at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261204164533_signatory_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "agreement_party" add column "signatory_only" boolean not null default false;',
    );
    this.addSql('delete from "agreement_binding";');
  }
}
