import { Migration } from '@mikro-orm/migrations';

/** Who is bound by what, when: per-party dates, bloc transitions, territories, record completeness, party scope. */
export class Migration20261202200000_bindings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`agreement_party\` add column \`date_signed\` text null;`);
    this.addSql(`alter table \`agreement_party\` add column \`date_provisionally_applied\` text null;`);
    this.addSql(`alter table \`agreement_party\` add column \`date_in_force\` text null;`);
    this.addSql(`alter table \`bloc_membership\` add column \`date_bound_until\` text null;`);
    this.addSql(`alter table \`party\` add column \`territory_of\` text null;`);
    this.addSql(`alter table \`agreement\` add column \`record_coverage\` text null;`);
    this.addSql(`alter table \`agreement\` add column \`record_parts\` json null;`);
    this.addSql(`alter table \`annotation\` add column \`party_scope\` json null;`);
    this.addSql(
      `create table \`agreement_binding\` (\`id\` integer not null primary key autoincrement, \`agreement_id\` integer not null, \`party_code\` text not null, \`via\` text null, \`applied_from\` text null, \`in_force_from\` text null, \`until\` text null, \`in_force_inferred\` integer not null default false, constraint \`agreement_binding_agreement_id_foreign\` foreign key(\`agreement_id\`) references \`agreement\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`agreement_binding_agreement_id_index\` on \`agreement_binding\` (\`agreement_id\`);`);
    this.addSql(
      `create index \`agreement_binding_party_code_agreement_id_index\` on \`agreement_binding\` (\`party_code\`, \`agreement_id\`);`,
    );
  }
}
