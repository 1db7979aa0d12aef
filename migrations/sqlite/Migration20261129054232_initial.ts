import { Migration } from '@mikro-orm/migrations';

export class Migration20261129054232_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`agreement\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`slug\` text not null, \`title\` text not null, \`short_title\` text null, \`kind\` text check (\`kind\` in ('BILATERAL', 'PLURILATERAL', 'REGIONAL', 'MULTILATERAL')) not null, \`status\` text check (\`status\` in ('UNDER_NEGOTIATION', 'SIGNED', 'PROVISIONALLY_APPLIED', 'IN_FORCE', 'TERMINATED')) not null, \`date_signed\` text null, \`date_provisionally_applied\` text null, \`date_in_force\` text null, \`date_terminated\` text null, \`wto_rta_id\` text null, \`tota_id\` text null, \`desta_number\` text null, \`language\` text null, \`composition\` text null, \`regions\` json not null, \`source_meta\` json null, \`sources\` json not null, \`fact_sources\` json null, \`origin\` text not null default 'api', \`archived_at\` datetime null, \`archive_reason\` text null, \`version\` integer not null default 1);`);
    this.addSql(`create unique index \`agreement_slug_unique\` on \`agreement\` (\`slug\`);`);
    this.addSql(`create index \`agreement_status_index\` on \`agreement\` (\`status\`);`);
    this.addSql(`create index \`agreement_date_signed_index\` on \`agreement\` (\`date_signed\`);`);
    this.addSql(`create index \`agreement_wto_rta_id_index\` on \`agreement\` (\`wto_rta_id\`);`);
    this.addSql(`create index \`agreement_tota_id_index\` on \`agreement\` (\`tota_id\`);`);
    this.addSql(`create index \`agreement_desta_number_index\` on \`agreement\` (\`desta_number\`);`);

    this.addSql(`create table \`agreement_relation\` (\`id\` integer not null primary key autoincrement, \`from_id\` integer not null, \`to_id\` integer not null, \`kind\` text check (\`kind\` in ('PROTOCOL_OF', 'AMENDS', 'SUPERSEDES', 'INCORPORATES')) not null, constraint \`agreement_relation_from_id_foreign\` foreign key(\`from_id\`) references \`agreement\`(\`id\`) on delete cascade on update cascade, constraint \`agreement_relation_to_id_foreign\` foreign key(\`to_id\`) references \`agreement\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`agreement_relation_from_id_index\` on \`agreement_relation\` (\`from_id\`);`);
    this.addSql(`create index \`agreement_relation_to_id_index\` on \`agreement_relation\` (\`to_id\`);`);
    this.addSql(`create unique index \`agreement_relation_from_id_to_id_kind_unique\` on \`agreement_relation\` (\`from_id\`, \`to_id\`, \`kind\`);`);

    this.addSql(`create table \`agreement_type\` (\`agreement_id\` integer not null, \`type\` text check (\`type\` in ('FTA', 'EIA', 'CU', 'PSA', 'EPA', 'ASSOCIATION', 'DIGITAL_ECONOMY', 'CULTURAL_COOPERATION', 'CO_PRODUCTION', 'INVESTMENT', 'OTHER')) not null, constraint \`agreement_type_agreement_id_foreign\` foreign key(\`agreement_id\`) references \`agreement\`(\`id\`) on delete cascade on update cascade, primary key (\`agreement_id\`, \`type\`));`);
    this.addSql(`create index \`agreement_type_agreement_id_index\` on \`agreement_type\` (\`agreement_id\`);`);

    this.addSql(`create table \`api_key\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`role\` text check (\`role\` in ('READER', 'ANNOTATOR', 'REVIEWER', 'EDITOR', 'ADMIN')) not null, \`key_hash\` text not null, \`key_prefix\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null);`);
    this.addSql(`create unique index \`api_key_key_hash_unique\` on \`api_key\` (\`key_hash\`);`);

    this.addSql(`create table \`audit_event\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`actor_key_id\` integer null, \`actor_name\` text null, \`actor_role\` text check (\`actor_role\` in ('READER', 'ANNOTATOR', 'REVIEWER', 'EDITOR', 'ADMIN')) null, \`action\` text not null, \`entity_type\` text null, \`entity_id\` text null, \`agreement_id\` integer null, \`before\` json null, \`after\` json null, \`outcome\` text check (\`outcome\` in ('SUCCESS', 'DENIED')) not null, \`reason\` text null, \`request_id\` text null);`);
    this.addSql(`create index \`audit_event_at_index\` on \`audit_event\` (\`at\`);`);
    this.addSql(`create index \`audit_event_agreement_id_index\` on \`audit_event\` (\`agreement_id\`);`);
    this.addSql(`create index \`audit_event_entity_type_entity_id_index\` on \`audit_event\` (\`entity_type\`, \`entity_id\`);`);

    this.addSql(`create table \`party\` (\`code\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('COUNTRY', 'BLOC')) not null, \`m49\` text null, \`region\` text null, \`sub_region\` text null, \`intermediate_region\` text null, \`ldc\` integer not null default false, \`lldc\` integer not null default false, \`sids\` integer not null default false, \`income_group\` text check (\`income_group\` in ('LOW', 'LOWER_MIDDLE', 'UPPER_MIDDLE', 'HIGH')) null, \`developing\` integer null, \`convention_status_kind\` text check (\`convention_status_kind\` in ('PARTY', 'NOT_PARTY', 'UNKNOWN')) not null default 'UNKNOWN', \`convention_instrument\` text check (\`convention_instrument\` in ('RATIFICATION', 'ACCESSION', 'SUCCESSION')) null, \`convention_deposited\` text null, \`convention_in_force\` text null, \`convention_source\` text null, \`fact_sources\` json null, primary key (\`code\`));`);
    this.addSql(`create index \`party_region_index\` on \`party\` (\`region\`);`);

    this.addSql(`create table \`bloc_membership\` (\`id\` integer not null primary key autoincrement, \`bloc_code\` text not null, \`member_code\` text not null, \`date_joined\` text null, \`date_left\` text null, \`note\` text null, constraint \`bloc_membership_bloc_code_foreign\` foreign key(\`bloc_code\`) references \`party\`(\`code\`) on delete cascade on update cascade, constraint \`bloc_membership_member_code_foreign\` foreign key(\`member_code\`) references \`party\`(\`code\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`bloc_membership_bloc_code_index\` on \`bloc_membership\` (\`bloc_code\`);`);
    this.addSql(`create index \`bloc_membership_member_code_index\` on \`bloc_membership\` (\`member_code\`);`);
    this.addSql(`create unique index \`bloc_membership_bloc_code_member_code_unique\` on \`bloc_membership\` (\`bloc_code\`, \`member_code\`);`);

    this.addSql(`create table \`agreement_party\` (\`id\` integer not null primary key autoincrement, \`agreement_id\` integer not null, \`party_code\` text not null, \`role\` text check (\`role\` in ('ORIGINAL', 'ACCEDED')) not null default 'ORIGINAL', \`date_joined\` text null, \`date_withdrawn\` text null, \`withdrawn\` integer not null default false, constraint \`agreement_party_agreement_id_foreign\` foreign key(\`agreement_id\`) references \`agreement\`(\`id\`) on delete cascade on update cascade, constraint \`agreement_party_party_code_foreign\` foreign key(\`party_code\`) references \`party\`(\`code\`) on update cascade);`);
    this.addSql(`create index \`agreement_party_agreement_id_index\` on \`agreement_party\` (\`agreement_id\`);`);
    this.addSql(`create index \`agreement_party_party_code_index\` on \`agreement_party\` (\`party_code\`);`);
    this.addSql(`create unique index \`agreement_party_agreement_id_party_code_unique\` on \`agreement_party\` (\`agreement_id\`, \`party_code\`);`);

    this.addSql(`create table \`provision\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`agreement_id\` integer not null, \`key\` text not null, \`location\` text check (\`location\` in ('PREAMBLE', 'OPERATIVE', 'ANNEX', 'PROTOCOL', 'SIDE_LETTER')) not null, \`chapter_number\` text null, \`chapter_title\` text null, \`section_number\` text null, \`section_title\` text null, \`article_number\` text null, \`article_title\` text null, \`position\` integer not null default 0, \`language\` text null, \`text\` text null, \`summary\` text null, \`external_id\` text null, \`version\` integer not null default 1, constraint \`provision_agreement_id_foreign\` foreign key(\`agreement_id\`) references \`agreement\`(\`id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`provision_agreement_id_index\` on \`provision\` (\`agreement_id\`);`);
    this.addSql(`create index \`provision_external_id_index\` on \`provision\` (\`external_id\`);`);
    this.addSql(`create index \`provision_agreement_id_position_index\` on \`provision\` (\`agreement_id\`, \`position\`);`);
    this.addSql(`create unique index \`provision_agreement_id_key_unique\` on \`provision\` (\`agreement_id\`, \`key\`);`);

    this.addSql(`create table \`taxonomy_code\` (\`code\` text not null, \`code_group\` text not null, \`name\` text not null, \`description\` text not null, \`guideline_paragraphs\` json not null, \`convention_articles\` json not null, \`detail_values\` json not null, \`borderline_rules\` json not null, \`sort_order\` integer not null, primary key (\`code\`));`);

    this.addSql(`create table \`annotation\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provision_id\` integer not null, \`code\` text not null, \`detail\` json not null, \`binding_force\` text check (\`binding_force\` in ('BINDING', 'BEST_ENDEAVOUR', 'DECLARATORY')) null, \`evidence_start\` integer null, \`evidence_end\` integer null, \`evidence_quote\` text null, \`origin\` text check (\`origin\` in ('MANUAL', 'RULE')) not null, \`rule_id\` text null, \`status\` text check (\`status\` in ('PROPOSED', 'ACCEPTED', 'REJECTED')) not null default 'PROPOSED', \`confidence\` double null, \`note\` text null, \`author\` text null, \`created_by_key_id\` integer null, \`reviewed_by\` text null, \`reviewed_at\` datetime null, \`review_reason\` text null, \`version\` integer not null default 1, constraint \`annotation_provision_id_foreign\` foreign key(\`provision_id\`) references \`provision\`(\`id\`) on delete cascade on update cascade, constraint \`annotation_code_foreign\` foreign key(\`code\`) references \`taxonomy_code\`(\`code\`) on update cascade);`);
    this.addSql(`create index \`annotation_provision_id_index\` on \`annotation\` (\`provision_id\`);`);
    this.addSql(`create index \`annotation_code_index\` on \`annotation\` (\`code\`);`);
    this.addSql(`create index \`annotation_code_status_index\` on \`annotation\` (\`code\`, \`status\`);`);
  }

}
