import { Provision } from './provision.entity';

/** A provision as the audit trail records it; long texts are summarised by length. */
export function provisionSnapshot(p: Provision): Record<string, unknown> {
  return {
    key: p.key,
    location: p.location,
    chapterNumber: p.chapterNumber,
    chapterTitle: p.chapterTitle,
    sectionNumber: p.sectionNumber,
    sectionTitle: p.sectionTitle,
    articleNumber: p.articleNumber,
    articleTitle: p.articleTitle,
    position: p.position,
    language: p.language,
    textLength: p.text?.length ?? null,
    textStart: p.text?.slice(0, 200) ?? null,
    summary: p.summary,
    externalId: p.externalId,
    version: p.version,
  };
}
