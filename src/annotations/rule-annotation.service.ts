import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { AgreementParty } from '../agreements/agreement-party.entity';
import { Agreement } from '../agreements/agreement.entity';
import { isHumanAnnotation } from './human-annotation';
import { Provision } from '../provisions/provision.entity';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';
import { AnnotationOrigin, AnnotationStatus } from './annotation.enums';
import { Annotation } from './annotation.entity';
import { hasPendingWrites } from '../common/pending-writes';
import { annotateAgreement } from './rules/annotate-agreement';
import { AnnotatorAgreement, AnnotatorProvision, ProposedAnnotation } from './rules/annotator.types';
import { proposalsAhead } from './rules/proposals-ahead';

export interface AnnotateResult {
  proposed: number;
  created: number;
  updated: number;
  removed: number;
  /** Proposals skipped because a person made or reviewed an annotation with that code. */
  keptHuman: number;
  /** Whether anything was written: false when the stored proposals already were the rules' (`updated` counts those matched). */
  changed: boolean;
}

export const RULE_AUTHOR = 'annotator';

/**
 * Runs the rule annotator over one agreement's provisions and stores its proposals as PROPOSED, origin RULE.
 * Re-running updates them in place and removes those the rules no longer make; annotations that a person
 * made or reviewed (MANUAL, ACCEPTED, REJECTED) are never changed. Call inside a transaction.
 */
@Injectable()
export class RuleAnnotationService {
  /**
   * What the rules propose for the agreement's provisions that have a text (nothing is stored). `held`: every
   * provision of the agreement, flushed, with its annotations loaded, as a writer that has just written them
   * holds them (see AgreementRecordWriter.writeRecord); they are then not read again.
   */
  async propose(
    em: EntityManager,
    agreement: Agreement,
    held?: readonly Provision[],
  ): Promise<{ provisions: Provision[]; proposals: ProposedAnnotation[] }> {
    const provisions = (held && withText(held)) ?? (await this.withText(em, agreement));
    const parties = await em.find(AgreementParty, { agreement }, { populate: ['party'] });
    const input: AnnotatorAgreement = {
      language: agreement.language ?? provisions.find((p) => p.language)?.language ?? 'en',
      parties: parties.map((p) => ({ code: p.party.code, developing: p.party.developing })),
      provisions: provisions.map((p) => annotatorProvision(String(p.id), p)),
    };
    // Computed ahead (`proposeAhead`) when an import announced these very provisions before writing them.
    const proposals = proposalsAhead(input) ?? annotateAgreement(input);
    return { provisions, proposals };
  }

  /** Stores the proposals for the agreement's provisions; `held` as for `propose`. */
  async annotate(
    em: EntityManager,
    agreement: Agreement,
    held?: readonly Provision[],
  ): Promise<AnnotateResult> {
    const { provisions, proposals } = await this.propose(em, agreement, held);
    const result: AnnotateResult = {
      proposed: proposals.length,
      created: 0,
      updated: 0,
      removed: 0,
      keptHuman: 0,
      changed: false,
    };
    const byId = new Map(provisions.map((p) => [String(p.id), p]));
    const wanted = new Set<string>();
    for (const proposal of proposals) {
      const provision = byId.get(proposal.ref)!;
      wanted.add(`${provision.id}/${proposal.code}`);
      const sameCode = provision.annotations.getItems().filter((a) => a.code.code === proposal.code);
      if (sameCode.some(isHumanAnnotation)) {
        result.keptHuman++;
        continue;
      }
      const existing = sameCode.find((a) => a.origin === AnnotationOrigin.RULE);
      if (existing) result.updated++;
      else result.created++;
      this.store(em, provision, proposal, existing);
    }
    for (const provision of provisions) {
      for (const stale of provision.annotations.getItems()) {
        if (!isHumanAnnotation(stale) && !wanted.has(`${provision.id}/${stale.code.code}`)) {
          em.remove(stale);
          result.removed++;
        }
      }
    }
    // An annotation created or removed is a write: the change sets are then computed once, by the flush.
    result.changed = result.created > 0 || result.removed > 0 || hasPendingWrites(em);
    await em.flush();
    return result;
  }

  /** The agreement's provisions that have a text, with their annotations, in position order. */
  private withText(em: EntityManager, agreement: Agreement): Promise<Provision[]> {
    return em.find(
      Provision,
      { agreement, text: { $ne: null } },
      { orderBy: { position: 'asc', id: 'asc' }, populate: ['annotations'] },
    );
  }

  private store(
    em: EntityManager,
    provision: Provision,
    proposal: ProposedAnnotation,
    existing?: Annotation,
  ): void {
    const annotation =
      existing ??
      em.create(Annotation, {
        provision,
        code: em.getReference(TaxonomyCode, proposal.code),
        origin: AnnotationOrigin.RULE,
        status: AnnotationStatus.PROPOSED,
        author: RULE_AUTHOR,
      });
    em.assign(annotation, {
      detail: proposal.detail,
      bindingForce: proposal.bindingForce,
      ruleId: proposal.ruleId,
      confidence: proposal.confidence,
      evidenceStart: proposal.evidence?.start ?? null,
      evidenceEnd: proposal.evidence?.end ?? null,
      evidenceQuote: proposal.evidence?.quote ?? null,
    });
  }
}

/**
 * The provisions held that have a text, in position order (then id; positions are never null), as the query of
 * `withText` gives them; null when one of them is not flushed or lacks its annotations (they are then read).
 */
function withText(held: readonly Provision[]): Provision[] | null {
  if (!held.every((p) => typeof p.id === 'number' && p.annotations.isInitialized())) return null;
  return held
    .filter((p) => p.text !== null && p.text !== undefined)
    .sort((a, b) => a.position - b.position || a.id - b.id);
}

/**
 * The annotator's view of a provision that has a text (its headings, text and language), from a stored provision or
 * a record about to be written; a heading it lacks reads null.
 */
export function annotatorProvision(
  ref: string,
  p: Omit<AnnotatorProvision, 'ref' | 'text'> & { text?: string | null },
): AnnotatorProvision {
  return {
    ref,
    location: p.location,
    chapterNumber: p.chapterNumber ?? null,
    chapterTitle: p.chapterTitle ?? null,
    sectionTitle: p.sectionTitle ?? null,
    articleNumber: p.articleNumber ?? null,
    articleTitle: p.articleTitle ?? null,
    text: p.text!,
    language: p.language ?? null,
  };
}
