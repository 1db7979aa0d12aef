import { ChangeSetType, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Provision } from '../../provisions/provision.entity';
import { ProvisionSource } from './provision-index-rows';
import { refreshProvisionIndex } from './refresh-provision-index';

/** The provision columns the search and similarity rows are built from (see searchDocument, comparisonText). */
const INDEXED: readonly (keyof Provision)[] = [
  'chapterTitle',
  'sectionTitle',
  'articleNumber',
  'articleTitle',
  'text',
  'summary',
];

/**
 * Keeps the search and similarity rows of provisions in step with every flush that creates a provision or
 * changes an indexed column, in the same transaction as the change (removed provisions' rows go by cascade).
 * Nobody calls `refreshProvisionIndex` by hand: the modules that write provisions do not depend on search.
 * A provision the flush created is indexed from the values it was inserted with (a whole entity: what the flush
 * wrote), without reading its text back; an updated one (perhaps loaded with some fields only) is read.
 */
export class ProvisionIndexSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const ids: number[] = [];
    const created: ProvisionSource[] = [];
    for (const cs of uow.getChangeSets()) {
      if (!(cs.entity instanceof Provision)) continue;
      if (cs.type === ChangeSetType.CREATE) {
        ids.push(cs.entity.id);
        const source = sourceOf(cs.entity);
        if (source) created.push(source);
      } else if (cs.type === ChangeSetType.UPDATE && INDEXED.some((column) => column in (cs.payload ?? {})))
        ids.push(cs.entity.id);
    }
    if (ids.length) await refreshProvisionIndex(em as EntityManager, ids, created);
  }
}

/**
 * The indexed columns of a provision entity, as the index would read them from its row; null when a column holds a
 * lone surrogate, which the database stores as U+FFFD (the row is then read).
 */
function sourceOf(provision: Provision): ProvisionSource | null {
  const source: ProvisionSource = {
    id: provision.id,
    chapter_title: provision.chapterTitle ?? null,
    section_title: provision.sectionTitle ?? null,
    article_number: provision.articleNumber ?? null,
    article_title: provision.articleTitle ?? null,
    text: provision.text ?? null,
    summary: provision.summary ?? null,
  };
  const texts = [
    source.chapter_title,
    source.section_title,
    source.article_number,
    source.article_title,
    source.text,
    source.summary,
  ];
  return texts.every((text) => text === null || (text as WellFormed).isWellFormed()) ? source : null;
}

/** String.prototype.isWellFormed (Node 20; not in the ES2023 typings). */
type WellFormed = string & { isWellFormed(): boolean };
