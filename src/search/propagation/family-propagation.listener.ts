import { EntityManager } from '@mikro-orm/knex';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ANNOTATION_REOPENED,
  ANNOTATION_REVIEWED,
  ANNOTATION_WITHDRAWING,
  AnnotationReopened,
  AnnotationReviewed,
  AnnotationWithdrawing,
} from '../../annotations/annotation-events';
import { AnnotationOrigin, AnnotationStatus } from '../../annotations/annotation.enums';
import { Annotation } from '../../annotations/annotation.entity';
import { annotationSnapshot } from '../../annotations/annotation-snapshot';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { Provision } from '../../provisions/provision.entity';
import { agreementsOfProvisions, pinpointOfProvision } from '../repository/propagation.repository';
import { liveComparisonSources } from '../repository/similarity.repository';
import { comparisonText } from '../sync/provision-index-rows';
import { SimilarityMeasure } from '../wording/clause-index';
import { SimilarityService } from '../similar/similarity.service';
import {
  NEAR_COPY_MIN_SCORE,
  NearCopy,
  planPropagation,
  PropagationPlan,
  SameCodeAnnotation,
} from './family-propagation';

/** Author of the proposals a review propagates (createdByKeyId stays null: no key made them). */
export const FAMILY_AUTHOR = 'clause family';

/**
 * Carries a reviewer's decision to the near-identical copies of the clause (see planPropagation), in a
 * transaction of its own after the review has committed, every change audited under the reviewer's name. A
 * failure is logged and leaves the review itself standing.
 */
@Injectable()
export class FamilyPropagationListener {
  private readonly logger = new Logger(FamilyPropagationListener.name);

  constructor(
    private readonly em: EntityManager,
    private readonly similarity: SimilarityService,
    private readonly audit: AuditService,
  ) {}

  @OnEvent(ANNOTATION_REVIEWED, { promisify: true })
  async onReviewed(event: AnnotationReviewed): Promise<void> {
    await this.propagateLogged(event.annotationId, event.actor);
  }

  /** An edit sent a reviewed annotation back to review: what its review did to the copies is taken back. */
  @OnEvent(ANNOTATION_REOPENED, { promisify: true })
  async onReopened(event: AnnotationReopened): Promise<void> {
    await this.propagateLogged(event.annotationId, event.actor);
  }

  /** A reviewed annotation is being withdrawn: the same, in the withdrawal's transaction (a failure fails it). */
  @OnEvent(ANNOTATION_WITHDRAWING, { promisify: true })
  async onWithdrawing(event: AnnotationWithdrawing): Promise<void> {
    await this.propagate(event.annotationId, event.actor, event.tx);
  }

  private async propagateLogged(annotationId: number, actor: AuditActor): Promise<void> {
    try {
      await this.propagate(annotationId, actor);
    } catch (error) {
      this.logger.error(`propagating the review of annotation ${annotationId}: ${(error as Error).message}`);
    }
  }

  /**
   * Plans and applies what the annotation's state means for its near copies: in a transaction of its own, or
   * in `withdrawing`, the transaction that withdraws it (then it counts as no longer decided).
   */
  async propagate(
    annotationId: number,
    actor: AuditActor,
    withdrawing?: EntityManager,
  ): Promise<PropagationPlan | null> {
    const em = withdrawing ?? this.em.fork();
    const reviewed = await em.findOne(Annotation, { id: annotationId }, { populate: ['provision'] });
    if (!reviewed) return null;
    const status = withdrawing ? AnnotationStatus.PROPOSED : reviewed.status;
    // Only a decision reaches new copies; taking one back follows the links it left (propagatedFrom, contradictedBy).
    const copies =
      status === AnnotationStatus.PROPOSED ? [] : await this.nearCopies(em, reviewed.provision.id);
    const sameCode = await this.sameCode(
      em,
      reviewed,
      copies.map((c) => c.provisionId),
    );
    const plan = planPropagation(
      { id: reviewed.id, provisionId: reviewed.provision.id, status, evidenceQuote: reviewed.evidenceQuote },
      copies,
      sameCode,
    );
    const now = withdrawing
      ? 'was withdrawn'
      : ({ [AnnotationStatus.ACCEPTED]: 'was accepted', [AnnotationStatus.REJECTED]: 'was rejected' }[
          status as string
        ] ?? 'went back to review');
    if (plan.propose.length + plan.contradict.length + plan.lift.length + plan.withdraw.length)
      await this.apply(em, reviewed, plan, actor, now);
    return plan;
  }

  /** Provisions of live agreements at least NEAR_COPY_MIN_SCORE similar (WORDING) to this one, with their text. */
  private async nearCopies(em: EntityManager, provisionId: number): Promise<NearCopy[]> {
    const index = await this.similarity.index();
    const hits = await this.similarity.neighbours(
      index,
      provisionId,
      SimilarityMeasure.WORDING,
      NEAR_COPY_MIN_SCORE,
    );
    if (!hits.length) return [];
    const rows = await liveComparisonSources(
      em,
      hits.map((hit) => hit.id),
    );
    const texts = new Map(rows.map((row) => [Number(row.id), comparisonText(row)]));
    return hits
      .filter((hit) => texts.has(hit.id))
      .map((hit) => ({ provisionId: hit.id, score: hit.score, text: texts.get(hit.id)! }));
  }

  private async sameCode(
    em: EntityManager,
    reviewed: Annotation,
    provisionIds: number[],
  ): Promise<SameCodeAnnotation[]> {
    const linked = await em.find(Annotation, {
      code: reviewed.code,
      $or: [
        { provision: { $in: provisionIds } },
        { propagatedFrom: reviewed.id },
        { contradictedBy: reviewed.id },
      ],
    });
    return linked.map((a) => ({
      id: a.id,
      provisionId: a.provision.id,
      origin: a.origin,
      status: a.status,
      propagatedFromId: a.propagatedFrom?.id ?? null,
      contradictedById: a.contradictedBy?.id ?? null,
    }));
  }

  private async apply(
    em: EntityManager,
    reviewed: Annotation,
    plan: PropagationPlan,
    actor: AuditActor,
    /** What became of the reviewed annotation, for the audit reasons: "was rejected", "was withdrawn", ... */
    now: string,
  ): Promise<void> {
    const sourceLabel = `${reviewed.id} (${await pinpointOfProvision(em, reviewed.provision.id)})`;
    await em.transactional(async (tx) => {
      const sourceRef = tx.getReference(Annotation, reviewed.id);
      const created: Annotation[] = [];
      for (const proposal of plan.propose) {
        const provision = tx.getReference(Provision, proposal.provisionId);
        created.push(
          tx.create(Annotation, {
            provision,
            code: reviewed.code,
            origin: AnnotationOrigin.FAMILY,
            status: AnnotationStatus.PROPOSED,
            detail: reviewed.detail,
            bindingForce: reviewed.bindingForce,
            evidenceStart: proposal.evidence?.start ?? null,
            evidenceEnd: proposal.evidence?.end ?? null,
            evidenceQuote: proposal.evidence?.quote ?? null,
            author: FAMILY_AUTHOR,
            propagatedFrom: sourceRef,
          }),
        );
      }
      const changed = await tx.find(Annotation, { id: { $in: [...plan.contradict, ...plan.lift] } });
      const before = new Map(changed.map((a) => [a.id, annotationSnapshot(a)]));
      for (const annotation of changed) {
        annotation.contradictedBy = plan.contradict.includes(annotation.id) ? sourceRef : null;
        annotation.updatedAt = new Date();
      }
      const withdrawn = await tx.find(Annotation, { id: { $in: plan.withdraw } });
      for (const annotation of withdrawn) tx.remove(annotation);
      await tx.flush();
      const agreementOf = await agreementsOfProvisions(tx, [
        ...created.map((a) => a.provision.id),
        ...changed.map((a) => a.provision.id),
        ...withdrawn.map((a) => a.provision.id),
      ]);
      const record = (
        annotation: Annotation,
        action: string,
        reason: string,
        snapshots: { before?: Record<string, unknown>; after?: Record<string, unknown> },
      ) =>
        this.audit.record(tx, actor, {
          action,
          entityType: 'Annotation',
          entityId: annotation.id,
          agreementId: agreementOf.get(annotation.provision.id) ?? null,
          ...snapshots,
          reason,
        });
      created.forEach((a, i) =>
        record(
          a,
          'annotation.propagate',
          `follows the acceptance of annotation ${sourceLabel} (WORDING similarity ${plan.propose[i].score.toFixed(2)})`,
          { after: annotationSnapshot(a) },
        ),
      );
      for (const a of changed)
        record(
          a,
          'annotation.contradict',
          a.contradictedBy
            ? `contradicted by the rejection of annotation ${sourceLabel}`
            : `no longer contradicted: annotation ${sourceLabel} ${now}`,
          { before: before.get(a.id), after: annotationSnapshot(a) },
        );
      for (const a of withdrawn)
        record(a, 'annotation.withdraw', `annotation ${sourceLabel}, which it copied, ${now}`, {
          before: annotationSnapshot(a),
        });
      await tx.flush();
    });
  }
}
