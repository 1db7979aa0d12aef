import { Entity, PrimaryKey, Property, types } from '@mikro-orm/core';

/**
 * An `import json` in progress (`ingest/pending-imports.ts`): the agreements it has written so far carry its id
 * (`agreement.pending_import_id`) and stay invisible until its last transaction. `aliveAt` is refreshed with each of
 * its batches: a row left old is an import whose process died, swept with its agreements.
 */
@Entity({ tableName: 'pending_import' })
export class PendingImport {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text' })
  file!: string;

  @Property({ type: types.datetime })
  startedAt!: Date;

  @Property({ type: types.datetime })
  aliveAt!: Date;
}
