import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement_party.date_in_force_precision`: how precise a party's own date of entry into force is, EXACT or
 * AT_LATEST (a bound: in force for it on that day at the latest, its own day not recorded). AANZFTA's 2011-02-01 for
 * Cambodia and Lao PDR is such a bound (fixtures/agreements/aanzfta.json, factSources.dateInForce), marked so here in
 * a database loaded before, as is RCEP's 2022-03-18 for Malaysia (the later of two days reported). `agreement_binding.start_at_latest` carries it to the bindings, which are derived data:
 * emptied here, computed again by the current rule at start-up (database-initializer.ts, deriveBindingsOnce).
 */
export class Migration20261207220000_party_date_in_force_precision extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "agreement_party" add column "date_in_force_precision" text check ("date_in_force_precision" in ('EXACT', 'AT_LATEST')) not null default 'EXACT';`,
    );
    this.addSql(
      `update "agreement_party" set "date_in_force_precision" = 'AT_LATEST' where "party_code" in ('KHM', 'LAO') and "date_in_force" = '2011-02-01' and "agreement_id" in (select "id" from "agreement" where "slug" = 'aanzfta');`,
    );
    this.addSql(
      `update "agreement_party" set "date_in_force_precision" = 'AT_LATEST' where "party_code" = 'MYS' and "date_in_force" = '2022-03-18' and "agreement_id" in (select "id" from "agreement" where "slug" = 'rcep');`,
    );
    this.addSql('alter table "agreement_binding" add column "start_at_latest" boolean not null default false;');
    this.addSql('delete from "agreement_binding";');
  }
}
