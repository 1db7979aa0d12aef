import { Migration } from '@mikro-orm/migrations';

/**
 * Two changes to what a party row means, both applied to the rows already stored:
 * - a member state that joined its bloc after the bloc signed an agreement is bound by it from its own accession
 *   (listed beside the bloc) or on no date we can name, no longer from its entry into the bloc (Croatia and the
 *   EEA: 2014-04-12, not 2013-07-01). The bindings are derived data: emptied here, they are computed again by the
 *   current rule at start-up (database-initializer.ts, deriveBindingsOnce);
 * - `withdrawn` follows from `date_withdrawn` where there is one: a row stored with a date and `withdrawn` false
 *   said two things; the date holds.
 */
export class Migration20261205040000_binding_later_bloc_members extends Migration {
  override async up(): Promise<void> {
    this.addSql('update `agreement_party` set `withdrawn` = true where `date_withdrawn` is not null;');
    this.addSql('delete from `agreement_binding`;');
  }
}
