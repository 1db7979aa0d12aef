import { EntityManager } from '@mikro-orm/knex';
import { Injectable, Logger } from '@nestjs/common';
import { setting } from '../config';
import { Agreement } from '../agreements/agreement.entity';
import { Party } from '../parties/party.entity';
import { loadTaxonomyFixtures } from '../taxonomy/taxonomy-fixtures';

/**
 * Loads the fixtures into an empty database: parties, the taxonomy, then the agreements (unless
 * LOAD_FIXTURES=false, for an empty catalogue with only the reference data). The party and agreement readers
 * (and the record writer) are loaded only when a table is empty, so that a command on a loaded database
 * starts without them.
 */
@Injectable()
export class FixturesLoader {
  private readonly logger = new Logger(FixturesLoader.name);

  async loadIfEmpty(em: EntityManager): Promise<void> {
    await em.transactional(async (tx) => {
      await loadTaxonomyFixtures(tx);
      if ((await tx.count(Party)) === 0) {
        const { loadPartyFixtures } = await import('../parties/party-fixtures');
        this.logger.log(`loaded ${await loadPartyFixtures(tx)} parties`);
      }
      if (setting('LOAD_FIXTURES') && (await tx.count(Agreement)) === 0) {
        const { readAgreementFixtures } = await import('../agreements/agreement-fixtures');
        const { AgreementRecordWriter } = await import('../ingest/agreement-record.writer');
        const writer = new AgreementRecordWriter();
        const records = readAgreementFixtures();
        for (const record of records) await writer.write(tx, { ...record, origin: 'fixtures' });
        for (const record of records) await writer.writeRelations(tx, record);
        this.logger.log(`loaded ${records.length} agreements`);
      }
    });
  }
}
