import { Migration } from '@mikro-orm/migrations';

const COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'provision_id',
  'code',
  'detail',
  'binding_force',
  'evidence_start',
  'evidence_end',
  'evidence_quote',
  'origin',
  'rule_id',
  'status',
  'confidence',
  'note',
  'author',
  'created_by_key_id',
  'reviewed_by',
  'reviewed_at',
  'review_reason',
  'version',
  'party_scope',
]
  .map((c) => `\`${c}\``)
  .join(', ');

/**
 * Annotations gain origin FAMILY (a proposal that follows a reviewer's decision on a near-identical clause),
 * the annotation it was propagated from, and the rejection that contradicts a proposal. SQLite cannot change a
 * check constraint in place: the table is rebuilt, its rows and indexes kept.
 */
export class Migration20261203020000_family_propagation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`annotation_rebuilt\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provision_id\` integer not null, \`code\` text not null, \`detail\` json not null, \`binding_force\` text check (\`binding_force\` in ('BINDING', 'BEST_ENDEAVOUR', 'DECLARATORY')) null, \`evidence_start\` integer null, \`evidence_end\` integer null, \`evidence_quote\` text null, \`origin\` text check (\`origin\` in ('MANUAL', 'RULE', 'FAMILY')) not null, \`rule_id\` text null, \`status\` text check (\`status\` in ('PROPOSED', 'ACCEPTED', 'REJECTED')) not null default 'PROPOSED', \`confidence\` double null, \`note\` text null, \`author\` text null, \`created_by_key_id\` integer null, \`reviewed_by\` text null, \`reviewed_at\` datetime null, \`review_reason\` text null, \`version\` integer not null default 1, \`party_scope\` json null, \`propagated_from_id\` integer null, \`contradicted_by_id\` integer null, constraint \`annotation_provision_id_foreign\` foreign key(\`provision_id\`) references \`provision\`(\`id\`) on delete cascade on update cascade, constraint \`annotation_code_foreign\` foreign key(\`code\`) references \`taxonomy_code\`(\`code\`) on update cascade, constraint \`annotation_propagated_from_id_foreign\` foreign key(\`propagated_from_id\`) references \`annotation\`(\`id\`) on delete set null on update cascade, constraint \`annotation_contradicted_by_id_foreign\` foreign key(\`contradicted_by_id\`) references \`annotation\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(`insert into \`annotation_rebuilt\` (${COLUMNS}) select ${COLUMNS} from \`annotation\`;`);
    this.addSql(`drop table \`annotation\`;`);
    this.addSql(`alter table \`annotation_rebuilt\` rename to \`annotation\`;`);
    this.addSql(`create index \`annotation_provision_id_index\` on \`annotation\` (\`provision_id\`);`);
    this.addSql(`create index \`annotation_code_index\` on \`annotation\` (\`code\`);`);
    this.addSql(`create index \`annotation_code_status_index\` on \`annotation\` (\`code\`, \`status\`);`);
    this.addSql(`create index \`annotation_propagated_from_id_index\` on \`annotation\` (\`propagated_from_id\`);`);
    this.addSql(`create index \`annotation_contradicted_by_id_index\` on \`annotation\` (\`contradicted_by_id\`);`);
  }
}
