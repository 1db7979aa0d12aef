import { Migration } from '@mikro-orm/migrations';

/**
 * The Convention status of a party gains the date it was checked up to (for a State found not to be a Party)
 * and the confidence of its sources. Existing rows keep null until the parties fixture is reloaded.
 */
export class Migration20261202200000_convention_as_of extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`party\` add column \`convention_as_of\` text null;`);
    this.addSql(
      `alter table \`party\` add column \`convention_confidence\` text check (\`convention_confidence\` in ('HIGH', 'MEDIUM', 'LOW')) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`party\` drop column \`convention_confidence\`;`);
    this.addSql(`alter table \`party\` drop column \`convention_as_of\`;`);
  }
}
