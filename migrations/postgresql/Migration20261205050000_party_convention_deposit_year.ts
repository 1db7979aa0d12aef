import { Migration } from '@mikro-orm/migrations';

/**
 * `party.convention_deposit_year`: the year a Party deposited its instrument where the sources give no day; the
 * Convention was in force for it by 31 March of the next year (conventionInForceBy). Peru: deposited in 2006
 * (Infoartes, Peruvian Ministry of Culture; fixtures/parties.json), set here for databases loaded before.
 */
export class Migration20261205050000_party_convention_deposit_year extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "party" add column "convention_deposit_year" integer null;');
    this.addSql(
      `update "party" set "convention_deposit_year" = 2006 where "code" = 'PER' and "convention_in_force" is null and "convention_deposited" is null;`,
    );
  }
}
