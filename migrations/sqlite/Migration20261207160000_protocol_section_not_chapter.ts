import { Migration } from '@mikro-orm/migrations';

/**
 * The EU-CARIFORUM EPA's Protocol III Article 2, as the fixtures first recorded it, gave the protocol's Section 1 as
 * its chapter "1" (titled "Section 1, Horizontal provisions (Protocol III on Cultural Cooperation)"): its page and
 * citation read "Chapter 1, Article 2". The fixtures now give the protocol as its chapter and Section 1 as its
 * section; a row still holding exactly the old values is corrected, any other left as it is.
 */
export class Migration20261207160000_protocol_section_not_chapter extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update "provision" set "chapter_number" = null, "chapter_title" = 'Protocol III on Cultural Cooperation', "section_number" = '1', "section_title" = 'Horizontal provisions' where "key" = 'protocol-iii-cultural-cooperation/art-2' and "chapter_number" = '1' and "chapter_title" = 'Section 1, Horizontal provisions (Protocol III on Cultural Cooperation)' and "section_number" is null and "agreement_id" in (select "id" from "agreement" where "slug" = 'eu-cariforum-epa');`,
    );
  }
}
