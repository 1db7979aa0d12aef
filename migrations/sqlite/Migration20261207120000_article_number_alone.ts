import { Migration } from '@mikro-orm/migrations';

/**
 * An article's number is stored as the number alone since 7 December 2026 (`articleNumberForm`,
 * provisions/article-number.ts): ToTA's rows held "ARTICLE 2106", "ARTÍCULO 1.1" beside the fixtures' "2106". A
 * re-import of an unchanged file would rewrite each such row as an edit (every ToTA agreement reported updated),
 * and a database never re-imported would keep them, so the stored numbers are rewritten here, with the search
 * title that holds the number (its word taken off the front, as the index now writes it). The rule is restated
 * as it was that day: a migration does not import application code.
 */
const ARTICLE_WORD = /^art\p{L}{0,8}(?:\.\s*|\s*[-–—:]\s*|\s+)(?=\S)/iu;
const BATCH = 400;

const numberAlone = (n: string): string => {
  const typed = n.normalize('NFKC').trim();
  return typed.replace(ARTICLE_WORD, '').trim() || typed;
};

/** The words of a text as the search index writes them (accent-folded, lower case, one space apart). */
const indexed = (text: string): string =>
  (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');

export class Migration20261207120000_article_number_alone extends Migration {
  override async up(): Promise<void> {
    const rows = (await this.execute(
      `select "id", "article_number" from "provision" where "article_number" is not null`,
    )) as { id: number; article_number: string }[];
    const changed = rows
      .map((r) => ({ id: Number(r.id), before: r.article_number, after: numberAlone(r.article_number) }))
      .filter((r) => r.after !== r.before);
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH);
      await this.setEach('provision', 'id', 'article_number', batch.map((r) => [r.id, r.after]));
      const ids = batch.map((r) => r.id);
      const titles = (await this.execute(
        `select "provision_id", "title" from "provision_search" where "provision_id" in (${ids.map(() => '?').join(', ')})`,
        ids,
      )) as { provision_id: number; title: string }[];
      const word = new Map(batch.map((r) => [r.id, indexed(r.before.normalize('NFKC').match(ARTICLE_WORD)?.[0] ?? '')]));
      const retitled = titles.flatMap((t): [number, string][] => {
        const prefix = `${word.get(Number(t.provision_id))} `;
        return prefix.trim() && t.title.startsWith(prefix) ? [[Number(t.provision_id), t.title.slice(prefix.length)]] : [];
      });
      if (retitled.length) await this.setEach('provision_search', 'provision_id', 'title', retitled);
    }
  }

  /** One statement setting `column` of each row keyed `key` to its own value. */
  private async setEach(table: string, key: string, column: string, values: [number, string][]): Promise<void> {
    await this.execute(
      `with "v" ("k", "value") as (values ${values.map(() => '(cast(? as integer), ?)').join(', ')}) ` +
        `update "${table}" set "${column}" = (select "value" from "v" where "v"."k" = "${table}"."${key}") ` +
        `where "${key}" in (select "k" from "v")`,
      values.flat(),
    );
  }
}
