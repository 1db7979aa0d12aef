import { Migration } from '@mikro-orm/migrations';

export class Migration20261129054232_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agreement" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" varchar(120) not null, "title" text not null, "short_title" varchar(255) null, "kind" text check ("kind" in ('BILATERAL', 'PLURILATERAL', 'REGIONAL', 'MULTILATERAL')) not null, "status" text check ("status" in ('UNDER_NEGOTIATION', 'SIGNED', 'PROVISIONALLY_APPLIED', 'IN_FORCE', 'TERMINATED')) not null, "date_signed" varchar(10) null, "date_provisionally_applied" varchar(10) null, "date_in_force" varchar(10) null, "date_terminated" varchar(10) null, "wto_rta_id" varchar(32) null, "tota_id" varchar(32) null, "desta_number" varchar(32) null, "language" varchar(8) null, "composition" varchar(255) null, "regions" jsonb not null, "source_meta" jsonb null, "sources" jsonb not null, "fact_sources" jsonb null, "origin" varchar(16) not null default 'api', "archived_at" timestamptz null, "archive_reason" text null, "version" int not null default 1);`);
    this.addSql(`alter table "agreement" add constraint "agreement_slug_unique" unique ("slug");`);
    this.addSql(`create index "agreement_status_index" on "agreement" ("status");`);
    this.addSql(`create index "agreement_date_signed_index" on "agreement" ("date_signed");`);
    this.addSql(`create index "agreement_wto_rta_id_index" on "agreement" ("wto_rta_id");`);
    this.addSql(`create index "agreement_tota_id_index" on "agreement" ("tota_id");`);
    this.addSql(`create index "agreement_desta_number_index" on "agreement" ("desta_number");`);

    this.addSql(`create table "agreement_relation" ("id" serial primary key, "from_id" int not null, "to_id" int not null, "kind" text check ("kind" in ('PROTOCOL_OF', 'AMENDS', 'SUPERSEDES', 'INCORPORATES')) not null);`);
    this.addSql(`alter table "agreement_relation" add constraint "agreement_relation_from_id_to_id_kind_unique" unique ("from_id", "to_id", "kind");`);

    this.addSql(`create table "agreement_type" ("agreement_id" int not null, "type" text check ("type" in ('FTA', 'EIA', 'CU', 'PSA', 'EPA', 'ASSOCIATION', 'DIGITAL_ECONOMY', 'CULTURAL_COOPERATION', 'CO_PRODUCTION', 'INVESTMENT', 'OTHER')) not null, constraint "agreement_type_pkey" primary key ("agreement_id", "type"));`);

    this.addSql(`create table "api_key" ("id" serial primary key, "name" varchar(255) not null, "role" text check ("role" in ('READER', 'ANNOTATOR', 'REVIEWER', 'EDITOR', 'ADMIN')) not null, "key_hash" varchar(64) not null, "key_prefix" varchar(16) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "audit_event" ("id" serial primary key, "at" timestamptz not null, "actor_key_id" int null, "actor_name" varchar(255) null, "actor_role" text check ("actor_role" in ('READER', 'ANNOTATOR', 'REVIEWER', 'EDITOR', 'ADMIN')) null, "action" varchar(80) not null, "entity_type" varchar(40) null, "entity_id" varchar(64) null, "agreement_id" int null, "before" jsonb null, "after" jsonb null, "outcome" text check ("outcome" in ('SUCCESS', 'DENIED')) not null, "reason" text null, "request_id" varchar(128) null);`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_agreement_id_index" on "audit_event" ("agreement_id");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "party" ("code" varchar(8) not null, "name" varchar(255) not null, "kind" text check ("kind" in ('COUNTRY', 'BLOC')) not null, "m49" varchar(3) null, "region" varchar(255) null, "sub_region" varchar(255) null, "intermediate_region" varchar(255) null, "ldc" boolean not null default false, "lldc" boolean not null default false, "sids" boolean not null default false, "income_group" text check ("income_group" in ('LOW', 'LOWER_MIDDLE', 'UPPER_MIDDLE', 'HIGH')) null, "developing" boolean null, "convention_status_kind" text check ("convention_status_kind" in ('PARTY', 'NOT_PARTY', 'UNKNOWN')) not null default 'UNKNOWN', "convention_instrument" text check ("convention_instrument" in ('RATIFICATION', 'ACCESSION', 'SUCCESSION')) null, "convention_deposited" varchar(10) null, "convention_in_force" varchar(10) null, "convention_source" text null, "fact_sources" jsonb null, constraint "party_pkey" primary key ("code"));`);
    this.addSql(`create index "party_region_index" on "party" ("region");`);

    this.addSql(`create table "bloc_membership" ("id" serial primary key, "bloc_code" varchar(8) not null, "member_code" varchar(8) not null, "date_joined" varchar(10) null, "date_left" varchar(10) null, "note" text null);`);
    this.addSql(`alter table "bloc_membership" add constraint "bloc_membership_bloc_code_member_code_unique" unique ("bloc_code", "member_code");`);

    this.addSql(`create table "agreement_party" ("id" serial primary key, "agreement_id" int not null, "party_code" varchar(8) not null, "role" text check ("role" in ('ORIGINAL', 'ACCEDED')) not null default 'ORIGINAL', "date_joined" varchar(10) null, "date_withdrawn" varchar(10) null, "withdrawn" boolean not null default false);`);
    this.addSql(`alter table "agreement_party" add constraint "agreement_party_agreement_id_party_code_unique" unique ("agreement_id", "party_code");`);

    this.addSql(`create table "provision" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agreement_id" int not null, "key" varchar(160) not null, "location" text check ("location" in ('PREAMBLE', 'OPERATIVE', 'ANNEX', 'PROTOCOL', 'SIDE_LETTER')) not null, "chapter_number" varchar(64) null, "chapter_title" text null, "section_number" varchar(64) null, "section_title" text null, "article_number" varchar(64) null, "article_title" text null, "position" int not null default 0, "language" varchar(8) null, "text" text null, "summary" text null, "external_id" varchar(64) null, "version" int not null default 1);`);
    this.addSql(`create index "provision_external_id_index" on "provision" ("external_id");`);
    this.addSql(`create index "provision_agreement_id_position_index" on "provision" ("agreement_id", "position");`);
    this.addSql(`alter table "provision" add constraint "provision_agreement_id_key_unique" unique ("agreement_id", "key");`);

    this.addSql(`create table "taxonomy_code" ("code" varchar(64) not null, "code_group" varchar(64) not null, "name" varchar(255) not null, "description" text not null, "guideline_paragraphs" jsonb not null, "convention_articles" jsonb not null, "detail_values" jsonb not null, "borderline_rules" jsonb not null, "sort_order" int not null, constraint "taxonomy_code_pkey" primary key ("code"));`);

    this.addSql(`create table "annotation" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provision_id" int not null, "code" varchar(64) not null, "detail" jsonb not null, "binding_force" text check ("binding_force" in ('BINDING', 'BEST_ENDEAVOUR', 'DECLARATORY')) null, "evidence_start" int null, "evidence_end" int null, "evidence_quote" text null, "origin" text check ("origin" in ('MANUAL', 'RULE')) not null, "rule_id" varchar(160) null, "status" text check ("status" in ('PROPOSED', 'ACCEPTED', 'REJECTED')) not null default 'PROPOSED', "confidence" double precision null, "note" text null, "author" varchar(255) null, "created_by_key_id" int null, "reviewed_by" varchar(255) null, "reviewed_at" timestamptz null, "review_reason" text null, "version" int not null default 1);`);
    this.addSql(`create index "annotation_code_status_index" on "annotation" ("code", "status");`);

    this.addSql(`alter table "agreement_relation" add constraint "agreement_relation_from_id_foreign" foreign key ("from_id") references "agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement_relation" add constraint "agreement_relation_to_id_foreign" foreign key ("to_id") references "agreement" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "agreement_type" add constraint "agreement_type_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bloc_membership" add constraint "bloc_membership_bloc_code_foreign" foreign key ("bloc_code") references "party" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "bloc_membership" add constraint "bloc_membership_member_code_foreign" foreign key ("member_code") references "party" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "agreement_party" add constraint "agreement_party_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agreement_party" add constraint "agreement_party_party_code_foreign" foreign key ("party_code") references "party" ("code") on update cascade;`);

    this.addSql(`alter table "provision" add constraint "provision_agreement_id_foreign" foreign key ("agreement_id") references "agreement" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "annotation" add constraint "annotation_provision_id_foreign" foreign key ("provision_id") references "provision" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "annotation" add constraint "annotation_code_foreign" foreign key ("code") references "taxonomy_code" ("code") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agreement_relation" drop constraint "agreement_relation_from_id_foreign";`);

    this.addSql(`alter table "agreement_relation" drop constraint "agreement_relation_to_id_foreign";`);

    this.addSql(`alter table "agreement_type" drop constraint "agreement_type_agreement_id_foreign";`);

    this.addSql(`alter table "agreement_party" drop constraint "agreement_party_agreement_id_foreign";`);

    this.addSql(`alter table "provision" drop constraint "provision_agreement_id_foreign";`);

    this.addSql(`alter table "bloc_membership" drop constraint "bloc_membership_bloc_code_foreign";`);

    this.addSql(`alter table "bloc_membership" drop constraint "bloc_membership_member_code_foreign";`);

    this.addSql(`alter table "agreement_party" drop constraint "agreement_party_party_code_foreign";`);

    this.addSql(`alter table "annotation" drop constraint "annotation_provision_id_foreign";`);

    this.addSql(`alter table "annotation" drop constraint "annotation_code_foreign";`);

    this.addSql(`drop table if exists "agreement" cascade;`);

    this.addSql(`drop table if exists "agreement_relation" cascade;`);

    this.addSql(`drop table if exists "agreement_type" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "party" cascade;`);

    this.addSql(`drop table if exists "bloc_membership" cascade;`);

    this.addSql(`drop table if exists "agreement_party" cascade;`);

    this.addSql(`drop table if exists "provision" cascade;`);

    this.addSql(`drop table if exists "taxonomy_code" cascade;`);

    this.addSql(`drop table if exists "annotation" cascade;`);
  }

}
