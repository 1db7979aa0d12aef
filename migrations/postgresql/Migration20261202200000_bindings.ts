import { Migration } from '@mikro-orm/migrations';

/** Who is bound by what, when: per-party dates, bloc transitions, territories, record completeness, party scope. */
export class Migration20261202200000_bindings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "agreement_party" add column "date_signed" varchar(10) null, add column "date_provisionally_applied" varchar(10) null, add column "date_in_force" varchar(10) null;`);
    this.addSql(`alter table "bloc_membership" add column "date_bound_until" varchar(10) null;`);
    this.addSql(`alter table "party" add column "territory_of" varchar(8) null;`);
    this.addSql(`alter table "agreement" add column "record_coverage" text null, add column "record_parts" jsonb null;`);
    this.addSql(`alter table "annotation" add column "party_scope" jsonb null;`);
    this.addSql(
      `create table "agreement_binding" ("id" serial primary key, "agreement_id" int not null references "agreement" ("id") on update cascade on delete cascade, "party_code" varchar(8) not null, "via" varchar(8) null, "applied_from" varchar(10) null, "in_force_from" varchar(10) null, "until" varchar(10) null, "in_force_inferred" boolean not null default false);`,
    );
    this.addSql(`create index "agreement_binding_agreement_id_index" on "agreement_binding" ("agreement_id");`);
    this.addSql(
      `create index "agreement_binding_party_code_agreement_id_index" on "agreement_binding" ("party_code", "agreement_id");`,
    );
  }
}
