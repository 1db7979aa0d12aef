import { Migration } from '@mikro-orm/migrations';

/**
 * The only original party of its side, on an agreement applied only between sides (`agreement_party.side`), is
 * bound from the agreement's first date as its own (Canada in EFTA - Canada): the reports said that date was perhaps
 * the other parties' only. The bindings are derived data: emptied here, they are computed again by the current rule
 * at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261207100000_binding_alone_on_its_side extends Migration {
  override async up(): Promise<void> {
    this.addSql('delete from "agreement_binding";');
  }
}
