import { EntityManager } from '@mikro-orm/knex';
import { Injectable, Logger } from '@nestjs/common';
import { readAgreementFixtures } from '../agreements/agreement-fixtures';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementRecordWriter } from '../ingest/agreement-record.writer';
import { loadPartyFixtures } from '../parties/party-fixtures';
import { Party } from '../parties/party.entity';
import { loadTaxonomyFixtures } from '../taxonomy/taxonomy-fixtures';

/**
 * Loads the fixtures into an empty database: parties, the taxonomy, then the agreements (unless
 * LOAD_FIXTURES=false, for an empty catalogue with only the reference data).
 */
@Injectable()
export class FixturesLoader {
  private readonly logger = new Logger(FixturesLoader.name);

  constructor(private readonly writer: AgreementRecordWriter) {}

  async loadIfEmpty(em: EntityManager): Promise<void> {
    await em.transactional(async (tx) => {
      await loadTaxonomyFixtures(tx);
      if ((await tx.count(Party)) === 0) {
        this.logger.log(`loaded ${await loadPartyFixtures(tx)} parties`);
      }
      if (process.env.LOAD_FIXTURES !== 'false' && (await tx.count(Agreement)) === 0) {
        const records = readAgreementFixtures();
        for (const record of records) await this.writer.write(tx, { ...record, origin: 'fixtures' });
        for (const record of records) await this.writer.writeRelations(tx, record);
        this.logger.log(`loaded ${records.length} agreements`);
      }
    });
  }
}
