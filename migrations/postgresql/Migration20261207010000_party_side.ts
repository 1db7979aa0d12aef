import { Migration } from '@mikro-orm/migrations';

/**
 * The side of an agreement a party is of, where its text applies it only between sides (EFTA - Colombia Art. 1.5:
 * between each EFTA State and Colombia, not among the EFTA States): `agreement_party.side`, null where not
 * recorded. Parties of one side are no partners of each other (`sameSide`, report-facts.ts).
 */
export class Migration20261207010000_party_side extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "agreement_party" add column "side" text null;');
  }
}
