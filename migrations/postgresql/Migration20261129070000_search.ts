import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search (a tsvector generated from provision_search, which the application fills with accent-folded
 * text, under a GIN index) and the similarity index (MinHash signatures and LSH band keys). Provisions already in the
 * database are indexed by the application when it next starts (DatabaseInitializer), not here: a migration
 * does not import application code.
 */
export class Migration20261129070000_search extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table "provision_search" ("provision_id" int not null primary key, "title" text not null, "body" text not null, "document" tsvector generated always as (setweight(to_tsvector('simple'::regconfig, "title"), 'A') || setweight(to_tsvector('simple'::regconfig, "body"), 'B')) stored, constraint "provision_search_provision_id_foreign" foreign key ("provision_id") references "provision" ("id") on delete cascade on update cascade);`,
      `create index "provision_search_document_index" on "provision_search" using gin ("document");`,
      `create table "provision_signature" ("provision_id" int not null primary key, "words" int not null, "signature" bytea not null, constraint "provision_signature_provision_id_foreign" foreign key ("provision_id") references "provision" ("id") on delete cascade on update cascade);`,
      `create table "provision_band" ("band_key" bigint not null, "provision_id" int not null, constraint "provision_band_provision_id_foreign" foreign key ("provision_id") references "provision" ("id") on delete cascade on update cascade, primary key ("band_key", "provision_id"));`,
      `create index "provision_band_provision_id_index" on "provision_band" ("provision_id");`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
