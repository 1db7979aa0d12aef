import { Migration } from '@mikro-orm/migrations';

/**
 * A party that joined an agreement later with no date of its own (ToTA lists it among the current parties only)
 * is now bound on no date: it was bound from the agreement's own entry into force, which is the original
 * parties' (China and APTA from 1976; it acceded in 2001). The rows are derived data: emptied here, they are
 * computed again by the current rule at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261204200000_binding_acceded_without_date extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from "agreement_binding";');
  }
}
