import { Migration } from '@mikro-orm/migrations';

/**
 * A party of an agreement recorded as signed only (or under negotiation), with no date of entry into force or
 * provisional application, the agreement's or its own, is a signatory only: never bound (the TPP, which never
 * entered into force, was counted as binding its twelve signatories in the trends by party and the comparison's
 * parties). The bindings are derived data: emptied here, they are computed again by the current rule at start-up
 * (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261205100000_binding_signed_only_agreement extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from `agreement_binding`;');
  }
}
