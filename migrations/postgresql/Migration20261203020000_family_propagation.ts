import { Migration } from '@mikro-orm/migrations';

/**
 * Annotations gain origin FAMILY (a proposal that follows a reviewer's decision on a near-identical clause),
 * the annotation it was propagated from, and the rejection that contradicts a proposal.
 */
export class Migration20261203020000_family_propagation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "annotation" drop constraint if exists "annotation_origin_check";`);
    this.addSql(
      `alter table "annotation" add constraint "annotation_origin_check" check ("origin" in ('MANUAL', 'RULE', 'FAMILY'));`,
    );
    this.addSql(`alter table "annotation" add column "propagated_from_id" int null;`);
    this.addSql(`alter table "annotation" add column "contradicted_by_id" int null;`);
    this.addSql(
      `alter table "annotation" add constraint "annotation_propagated_from_id_foreign" foreign key ("propagated_from_id") references "annotation" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "annotation" add constraint "annotation_contradicted_by_id_foreign" foreign key ("contradicted_by_id") references "annotation" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "annotation_propagated_from_id_index" on "annotation" ("propagated_from_id");`);
    this.addSql(`create index "annotation_contradicted_by_id_index" on "annotation" ("contradicted_by_id");`);
  }
}
