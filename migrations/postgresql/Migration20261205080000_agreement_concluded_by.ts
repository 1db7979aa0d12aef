import { Migration } from '@mikro-orm/migrations';

/**
 * `agreement.concluded_by`: who concluded the agreement on a bloc's side, BLOC_ONLY (the bloc alone) or MIXED (the
 * bloc and its member states); null where no source says. A member state that joined the bloc after the signature
 * is now bound by an agreement of the bloc alone from its entry into the bloc, no longer on no date we can name.
 * The bindings are derived data: emptied here, they are computed again by the current rule at start-up
 * (database-initializer.ts, deriveBindingsOnce). Rows stored before stay null until re-imported (`import tota`,
 * `import json`) or set through the API.
 */
export class Migration20261205080000_agreement_concluded_by extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "agreement" add column "concluded_by" text check ("concluded_by" in ('BLOC_ONLY', 'MIXED')) null;`,
    );
    this.addSql('delete from "agreement_binding";');
  }
}
