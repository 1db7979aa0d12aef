import { Migration } from '@mikro-orm/migrations';

/**
 * `import json` writes a file's new agreements in batches, each its own transaction (so that a serving SQLite's
 * writer is free between them; the same path on PostgreSQL), marked with the import they belong to until its last
 * transaction clears the mark: `pending_import` (one row per import in progress, `alive_at` refreshed with each
 * batch, so that an import whose process died is told from one still writing) and `agreement.pending_import_id`.
 * A marked agreement is invisible to every reader (`agreements/repository/agreement-visibility.ts`); the leftovers of a dead
 * import are swept at start-up and before the next import (`ingest/pending-imports.ts`).
 */
export class Migration20261206140000_pending_import extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "pending_import" ("id" serial primary key, "file" text not null, "started_at" timestamptz not null, "alive_at" timestamptz not null);',
    );
    this.addSql('alter table "agreement" add column "pending_import_id" int null;');
    this.addSql('create index "agreement_pending_import_id_index" on "agreement" ("pending_import_id");');
  }
}
