import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search (FTS5 over provision_search, an external-content table the application fills with
 * accent-folded text and triggers copy into the index) and the similarity index (MinHash signatures and LSH band
 * keys, the keys in FTS5 too). Provisions already in the
 * database are indexed by the application when it next starts (DatabaseInitializer), not here: a migration
 * does not import application code.
 */
export class Migration20261129070000_search extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table "provision_search" ("provision_id" integer not null primary key, "title" text not null, "body" text not null, constraint "provision_search_provision_id_foreign" foreign key ("provision_id") references "provision" ("id") on delete cascade on update cascade);`,
      `create virtual table "provision_fts" using fts5("title", "body", content = 'provision_search', content_rowid = 'provision_id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');`,
      `create trigger "provision_search_after_insert" after insert on "provision_search" begin
         insert into "provision_fts" ("rowid", "title", "body") values (new."provision_id", new."title", new."body");
       end;`,
      `create trigger "provision_search_after_delete" after delete on "provision_search" begin
         insert into "provision_fts" ("provision_fts", "rowid", "title", "body") values ('delete', old."provision_id", old."title", old."body");
       end;`,
      `create trigger "provision_search_after_update" after update on "provision_search" begin
         insert into "provision_fts" ("provision_fts", "rowid", "title", "body") values ('delete', old."provision_id", old."title", old."body");
         insert into "provision_fts" ("rowid", "title", "body") values (new."provision_id", new."title", new."body");
       end;`,
      `create table "provision_signature" ("provision_id" integer not null primary key, "words" integer not null, "signature" blob not null, constraint "provision_signature_provision_id_foreign" foreign key ("provision_id") references "provision" ("id") on delete cascade on update cascade);`,
      // Band keys as the tokens of a contentless FTS5 table (rowid = provision id): the same lookup as a
      // (band_key, provision_id) table, but FTS5 appends segments where a B-tree on random keys rewrites pages
      // all over the index on every import transaction (which tripled the import time).
      `create virtual table "provision_band" using fts5("band_keys", content = '', contentless_delete = 1, detail = 'none');`,
      `create trigger "provision_signature_after_delete" after delete on "provision_signature" begin
         delete from "provision_band" where "rowid" = old."provision_id";
       end;`,
      // Lets the search join its hits to the filter columns without reading the wide provision rows.
      `create index "provision_id_agreement_id_location_language_index" on "provision" ("id", "agreement_id", "location", "language");`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
