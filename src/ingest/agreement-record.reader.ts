import { EntityManager } from '@mikro-orm/knex';
import { AgreementParty } from '../agreements/agreement-party.entity';
import { partyRecord } from '../agreements/agreement-snapshot';
import { AgreementRecord } from '../agreements/agreement-record.schema';
import { AgreementRelation } from '../agreements/agreement-relation.entity';
import { AgreementTypeTag } from '../agreements/agreement-type-tag.entity';
import { Agreement } from '../agreements/agreement.entity';
import { Annotation } from '../annotations/annotation.entity';
import { Provision } from '../provisions/provision.entity';

/** The whole record of one agreement (facts, provisions, annotations), as `export agreements` writes it. */
export async function readAgreementRecord(em: EntityManager, agreement: Agreement): Promise<AgreementRecord> {
  // One after another: inside a transaction they share one connection.
  const types = await em.find(AgreementTypeTag, { agreement }, { orderBy: { type: 'asc' } });
  const parties = await em.find(AgreementParty, { agreement }, { orderBy: { id: 'asc' } });
  const relations = await em.find(
    AgreementRelation,
    { from: agreement },
    { populate: ['to'], orderBy: { id: 'asc' } },
  );
  const provisions = await em.find(Provision, { agreement }, { orderBy: { position: 'asc', id: 'asc' } });
  const annotations = await em.find(
    Annotation,
    { provision: { $in: provisions.map((p) => p.id) } },
    { orderBy: { id: 'asc' } },
  );
  return {
    slug: agreement.slug,
    title: agreement.title,
    shortTitle: agreement.shortTitle,
    kind: agreement.kind,
    types: types.map((t) => t.type),
    status: agreement.status,
    dateSigned: agreement.dateSigned,
    dateProvisionallyApplied: agreement.dateProvisionallyApplied,
    dateInForce: agreement.dateInForce,
    dateTerminated: agreement.dateTerminated,
    language: agreement.language,
    origin: agreement.origin,
    composition: agreement.composition,
    regions: agreement.regions,
    sourceMeta: agreement.sourceMeta,
    parties: parties.map(partyRecord),
    externalIds: {
      wtoRtaId: agreement.wtoRtaId,
      totaId: agreement.totaId,
      destaNumber: agreement.destaNumber,
    },
    sources: agreement.sources,
    factSources: agreement.factSources,
    record: agreement.recordCoverage
      ? { coverage: agreement.recordCoverage, parts: agreement.recordParts ?? [] }
      : null,
    related: relations.map((r) => ({ slug: r.to.slug, relation: r.kind })),
    provisions: provisions.map((p) => ({
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
      text: p.text,
      summary: p.summary,
      externalId: p.externalId,
      annotations: annotations
        .filter((a) => a.provision.id === p.id)
        .map((a) => ({
          code: a.code.code,
          detail: a.detail,
          bindingForce: a.bindingForce,
          note: a.note,
          status: a.status,
          origin: a.origin,
          ruleId: a.ruleId,
          confidence: a.confidence,
          author: a.author,
          partyScope: a.partyScope,
          evidence:
            a.evidenceStart != null && a.evidenceEnd != null
              ? { start: a.evidenceStart, end: a.evidenceEnd, quote: a.evidenceQuote ?? '' }
              : null,
        })),
    })),
  };
}
