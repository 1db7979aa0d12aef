import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { PROVISIONS_WRITING, PROVISIONS_WRITTEN, ProvisionsWriting } from '../../provisions/provision-events';
import { forgetPreparedRows, prepareIndexRows } from './prepared-index-rows';

/**
 * Computes the search and similarity rows of the provisions an import is about to write before it takes the
 * database's writer (PROVISIONS_WRITING), so that the flush writing them only inserts them; lets go of the rest
 * once the import is over (PROVISIONS_WRITTEN).
 */
@Injectable()
export class IndexRowsAheadListener {
  @OnEvent(PROVISIONS_WRITING, { promisify: true })
  async prepare(event: ProvisionsWriting): Promise<void> {
    await prepareIndexRows(
      event.provisions.map((p) => ({
        chapter_title: p.chapterTitle ?? null,
        section_title: p.sectionTitle ?? null,
        article_number: p.articleNumber ?? null,
        article_title: p.articleTitle ?? null,
        text: p.text ?? null,
        summary: p.summary ?? null,
      })),
      event.turnEveryMs,
    );
  }

  @OnEvent(PROVISIONS_WRITTEN)
  forget(): void {
    forgetPreparedRows();
  }
}
