import { isDeepStrictEqual } from 'node:util';
import { OF_VISIBLE_AGREEMENT } from '../agreements/repository/agreement-visibility';
import { LIST_BOUNDS } from '../common/list-cost';
import { lockProvision } from '../provisions/repository/provision-lock';
import { refuseWriteToPendingSlug } from '../agreements/repository/pending-agreement';
import { ProvisionChecked, provisionToAnnotate } from './repository/provision-to-annotate';
import { splitsCharacter } from '../common/text-rules';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditActor, AuditService } from '../audit/audit.service';
import { ForbiddenError } from '../common/errors';
import { Role } from '../auth/role.enum';
import { ConflictError, NotFoundError } from '../common/errors';
import { InputErrors } from '../common/input-errors';
import { checkVersion, writeOrConflict } from '../common/optimistic-lock';
import { BindingRepository } from '../bindings/repository/binding.repository';
import { splitPinpoint } from '../provisions/pinpoint';
import { Provision } from '../provisions/provision.entity';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import {
  ANNOTATION_REOPENED,
  ANNOTATION_REVIEWED,
  ANNOTATION_WITHDRAWING,
  AnnotationReopened,
  AnnotationReviewed,
  AnnotationWithdrawing,
} from './annotation-events';
import { AnnotationOrigin, AnnotationStatus } from './annotation.enums';
import { annotationSnapshot } from './annotation-snapshot';
import { mayAccept } from './four-eyes';
import { Annotation } from './annotation.entity';
import {
  AnnotationFieldsInput,
  CreateAnnotationInput,
  ReviewAnnotationInput,
  ReviewDecision,
  UpdateAnnotationInput,
  WithdrawAnnotationInput,
} from './dto/annotation-mutation.inputs';
import { databaseIdOf, toGlobalId } from '../graphql/node/global-id';

/**
 * How long a write keeps a taxonomy code it read (MikroORM's result cache, per process). The codes and their detail
 * values change only when the fixtures load, at start-up; kept, a write reads its code without a statement inside
 * its transaction, which holds SQLite's one connection: under bench:load (50 connections) the writes' transactions
 * held it a third of the time, 7 statements each (docs/performance-log.md, load5). Another instance started with
 * changed fixtures is seen within this time.
 */
export const TAXONOMY_CODE_KEPT_MS = 60_000;

const taxonomyCode = (tx: EntityManager, code: TaxonomyCodeId): Promise<TaxonomyCode> =>
  tx.findOneOrFail(TaxonomyCode, { code }, { cache: TAXONOMY_CODE_KEPT_MS });

/** The annotation workflow: annotators propose and edit their own, reviewers accept or reject, all audited. */
@Injectable()
export class AnnotationMutationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async create(input: CreateAnnotationInput, actor: AuditActor): Promise<Annotation> {
    const { slug, key } = splitPinpoint(input.pinpoint, 'input.pinpoint');
    return this.em.transactional(async (tx) => {
      // Creates on one provision take turns (its row locked until this transaction ends), so that the checks below
      // see what a request sent at the same moment made. Then one statement reads the provision, its agreement and
      // its annotations (at most LIST_BOUNDS.provisionAnnotations rows), which both checks below use: under
      // bench:load each statement of the transaction held SQLite's one connection (docs/performance-log.md, load6).
      await lockProvision(tx, slug, key);
      const provision = await provisionToAnnotate(tx, slug, key, input.evidence != null);
      if (!provision) {
        await refuseWriteToPendingSlug(tx, slug);
        throw new NotFoundError('Provision', input.pinpoint);
      }
      if (provision.archived)
        throw new ConflictError(`agreement "${slug}" is archived: its provisions take no new annotations`);
      // A provision's annotations are one list, charged LIST_BOUNDS.provisionAnnotations by the query cost (the
      // corpus has 4 at most): more would answer beyond what the cost limit allowed (an annotator's script made 42
      // on one provision, all listed). The bound is the most a provision takes.
      const held = provision.annotations;
      if (held.length >= LIST_BOUNDS.provisionAnnotations)
        throw new ConflictError(
          `provision ${input.pinpoint} holds ${held.length} annotations, the most a provision takes (${LIST_BOUNDS.provisionAnnotations}), whatever their status: withdraw (delete) some first`,
        );
      const code = await taxonomyCode(tx, input.code);
      await this.validate(input, code, provision);
      const annotation = Object.assign(new Annotation(), {
        provision: tx.getReference(Provision, provision.id),
        code,
        origin: AnnotationOrigin.MANUAL,
        status: AnnotationStatus.PROPOSED,
        author: actor.identity!.name,
        createdByKeyId: actor.identity!.keyId,
      });
      this.assign(annotation, input, provision);
      refuseRepeat(held, annotation, input.pinpoint);
      // Inserted as they are (MikroORM's conversions, no unit of work): the read above hydrated no entity and
      // nothing here is changed after, so a flush would only compute change sets (docs/performance-log.md, load8).
      await tx.insert(annotation);
      await this.audit.insert(tx, actor, {
        action: 'annotation.create',
        entityType: 'Annotation',
        entityId: annotation.id,
        agreementId: provision.agreement.id,
        after: annotationSnapshot(annotation),
      });
      return annotation;
    });
  }

  /** Edits; an edit of a reviewed annotation sends it back to review, and ANNOTATION_REOPENED says so. */
  async update(input: UpdateAnnotationInput, actor: AuditActor): Promise<Annotation> {
    let wasReviewed = false;
    const updated = await this.refusalsRecorded('annotation.update', input.id, actor, () =>
      this.change(input.id, input.version, 'annotation.update', actor, async (tx, annotation) => {
        this.checkOwner(annotation, actor, 'edit');
        wasReviewed = annotation.status !== AnnotationStatus.PROPOSED;
        if (input.code === null) new InputErrors().add('input.code', 'cannot be cleared').throwIfAny();
        const code = input.code ? await taxonomyCode(tx, input.code) : annotation.code;
        const provision = await tx.findOneOrFail(Provision, { id: annotation.provision.id });
        await this.validate(
          { ...input, detail: input.detail === undefined ? annotation.detail : input.detail },
          code as TaxonomyCode,
          provision,
        );
        annotation.code = code;
        this.assign(annotation, input, provision);
        // An edit after a review needs a new review: the old decision leaves the annotation (its history keeps it).
        annotation.status = AnnotationStatus.PROPOSED;
        annotation.reviewedBy = null;
        annotation.reviewedAt = null;
        annotation.reviewReason = null;
        return null;
      }),
    );
    if (wasReviewed) {
      const event: AnnotationReopened = { annotationId: updated.id, actor };
      await this.events.emitAsync(ANNOTATION_REOPENED, event);
    }
    return updated;
  }

  /** Accepts or rejects, then lets the listeners of ANNOTATION_REVIEWED carry the decision to near-copies. */
  async review(input: ReviewAnnotationInput, actor: AuditActor): Promise<Annotation> {
    const reviewed = await this.refusalsRecorded('annotation.review', input.id, actor, () =>
      this.decide(input, actor),
    );
    const event: AnnotationReviewed = { annotationId: reviewed.id, decision: input.decision, actor };
    await this.events.emitAsync(ANNOTATION_REVIEWED, event);
    return reviewed;
  }

  private decide(input: ReviewAnnotationInput, actor: AuditActor): Promise<Annotation> {
    return this.change(input.id, input.version, 'annotation.review', actor, async (_tx, annotation) => {
      const reason = input.reason?.trim() || null;
      if (input.decision === ReviewDecision.REJECT && !reason) {
        new InputErrors().add('input.reason', 'is required to reject').throwIfAny();
      }
      if (input.decision === ReviewDecision.ACCEPT && !mayAccept(annotation, actor.identity!))
        throw new ForbiddenError(
          `annotation ${toGlobalId('Annotation', annotation.id)} is yours: another reviewer must accept it`,
          { refusal: 'ownAnnotation', annotation: toGlobalId('Annotation', annotation.id) },
        );
      annotation.status =
        input.decision === ReviewDecision.ACCEPT ? AnnotationStatus.ACCEPTED : AnnotationStatus.REJECTED;
      annotation.reviewedBy = actor.identity!.name;
      annotation.reviewedAt = new Date();
      annotation.reviewReason = reason;
      return reason;
    });
  }

  async withdraw(input: WithdrawAnnotationInput, actor: AuditActor): Promise<Annotation> {
    return this.refusalsRecorded('annotation.withdraw', input.id, actor, () =>
      this.em.transactional(async (tx) => {
        const annotation = await this.load(tx, input.id, input.version);
        if (annotation.status === AnnotationStatus.ACCEPTED) {
          // An accepted annotation is a reviewer's decision: only a reviewer may take it back.
          if (actor.identity!.role !== Role.REVIEWER && actor.identity!.role !== Role.ADMIN)
            throw new ForbiddenError(
              `annotation ${toGlobalId('Annotation', annotation.id)} was accepted: withdrawing it needs a REVIEWER`,
            );
        } else this.checkOwner(annotation, actor, 'withdraw');
        const provision = await tx.findOneOrFail(Provision, { id: annotation.provision.id });
        this.audit.record(tx, actor, {
          action: 'annotation.withdraw',
          entityType: 'Annotation',
          entityId: annotation.id,
          agreementId: provision.agreement.id,
          before: annotationSnapshot(annotation),
        });
        const withdrawn = Object.assign(Object.create(Annotation.prototype), annotation) as Annotation;
        if (annotation.status !== AnnotationStatus.PROPOSED) {
          const event: AnnotationWithdrawing = { annotationId: annotation.id, actor, tx };
          await this.events.emitAsync(ANNOTATION_WITHDRAWING, event);
        }
        const deleted = await tx.nativeDelete(Annotation, { id: annotation.id, version: input.version });
        if (!deleted)
          throw new ConflictError(
            `annotation ${input.id} was changed by another request at the same time; read it again`,
          );
        return withdrawn;
      }),
    );
  }

  /**
   * The workflow's own refusals (not yours, four eyes) are recorded as the access rules' are: a DENIED event,
   * written outside the transaction the refusal rolls back.
   */
  private async refusalsRecorded<T>(
    action: string,
    id: string,
    actor: AuditActor,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ForbiddenError) {
        const entityId = String(databaseIdOf('Annotation', 'input.id', id) ?? id);
        await this.audit.recordDenied(actor, action, error.message, { entityType: 'Annotation', entityId });
      }
      throw error;
    }
  }

  /** Loads, checks the version, applies the change, flushes (the versioned UPDATE) and audits, in one transaction. */
  private change(
    id: string,
    version: number,
    action: string,
    actor: AuditActor,
    apply: (tx: EntityManager, annotation: Annotation) => Promise<string | null>,
  ): Promise<Annotation> {
    return writeOrConflict(
      `annotation ${id}`,
      () =>
        this.em.transactional(async (tx) => {
          const annotation = await this.load(tx, id, version);
          const before = annotationSnapshot(annotation);
          const reason = await apply(tx, annotation);
          annotation.updatedAt = new Date();
          await tx.flush();
          const provision = await tx.findOneOrFail(
            Provision,
            { id: annotation.provision.id },
            { fields: ['agreement'] },
          );
          this.audit.record(tx, actor, {
            action,
            entityType: 'Annotation',
            entityId: annotation.id,
            agreementId: provision.agreement.id,
            before,
            after: annotationSnapshot(annotation),
            reason,
          });
          return annotation;
        }),
      async () =>
        (await this.em.fork().findOne(Annotation, { id: databaseIdOf('Annotation', 'input.id', id) ?? 0 }))
          ?.version ?? null,
    );
  }

  /**
   * The annotation with its provision, in one statement: every change reads the provision after (its text to check
   * evidence against, its agreement for the audit event), which then comes from the transaction's identity map.
   */
  private async load(tx: EntityManager, id: string, version: number): Promise<Annotation> {
    const numeric = databaseIdOf('Annotation', 'input.id', id);
    const annotation =
      numeric === null
        ? null
        : await tx.findOne(
            Annotation,
            { id: numeric, ...OF_VISIBLE_AGREEMENT.Annotation },
            { populate: ['provision'], strategy: 'joined' },
          );
    if (!annotation) throw new NotFoundError('Annotation', id);
    checkVersion(annotation, version, `annotation ${id}`);
    return annotation;
  }

  private checkOwner(annotation: Annotation, actor: AuditActor, verb: string): void {
    const identity = actor.identity!;
    if (identity.role === Role.ADMIN) return;
    if (annotation.createdByKeyId !== identity.keyId) {
      throw new ForbiddenError(
        `you may ${verb} only the annotations you created (annotation ${toGlobalId('Annotation', annotation.id)} is not yours)`,
      );
    }
  }

  private async validate(
    input: AnnotationFieldsInput,
    code: TaxonomyCode,
    provision: ProvisionChecked,
  ): Promise<void> {
    const errors = new InputErrors();
    (input.detail ?? []).forEach((d, i) => {
      errors.check(
        code.detailValues.includes(d),
        `input.detail.${i}`,
        code.detailValues.length
          ? `"${d}" is not a detail of ${code.code} (one of ${code.detailValues.join(', ')})`
          : `${code.code} takes no detail`,
      );
    });
    if (input.evidence) {
      const { start, end } = input.evidence;
      const length = provision.text?.length ?? 0;
      if (!provision.text) errors.add('input.evidence', 'the provision has no text to point into');
      else {
        errors.check(start < end, 'input.evidence.end', `must be greater than start (${start})`);
        errors.check(end <= length, 'input.evidence.end', `is outside the text (${length} characters)`);
        // A quote holding half a character is stored as U+FFFD, and then no longer quotes the text.
        for (const [field, offset] of [
          ['start', start],
          ['end', end],
        ] as const)
          errors.check(
            !splitsCharacter(provision.text, offset),
            `input.evidence.${field}`,
            `falls inside a character (between the two halves of a surrogate pair at ${offset})`,
          );
      }
    }
    if (input.partyScope?.length) {
      const bound = await new BindingRepository(this.em).partiesBoundBy(provision.agreement.id);
      input.partyScope.forEach((c, i) => {
        errors.check(bound.includes(c), `input.partyScope.${i}`, `${c} is not a party to this agreement`);
        errors.check(input.partyScope!.indexOf(c) === i, `input.partyScope.${i}`, `${c} is named twice`);
      });
    }
    if (code.code === TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE) {
      errors.check(
        (input.detail ?? []).length > 0,
        'input.detail',
        'record the mechanism of the preferential treatment',
      );
    }
    errors.throwIfAny();
  }

  private assign(annotation: Annotation, input: AnnotationFieldsInput, provision: ProvisionChecked): void {
    if (input.detail !== undefined) annotation.detail = input.detail ?? [];
    if (input.bindingForce !== undefined) annotation.bindingForce = input.bindingForce;
    if (input.note !== undefined) annotation.note = input.note;
    if (input.confidence !== undefined) annotation.confidence = input.confidence;
    if (input.partyScope !== undefined)
      annotation.partyScope = input.partyScope?.length ? input.partyScope : null;
    if (input.evidence !== undefined) {
      annotation.evidenceStart = input.evidence?.start ?? null;
      annotation.evidenceEnd = input.evidence?.end ?? null;
      annotation.evidenceQuote = input.evidence
        ? provision.text!.slice(input.evidence.start, input.evidence.end)
        : null;
    }
  }
}

/**
 * CONFLICT when the same key made this very annotation on the provision already (the same code, scope, detail,
 * binding force, evidence, confidence and note) and it was not rejected: a request sent twice (a form submitted
 * twice, a client retrying after a lost answer) made as many identical annotations, each listed for review.
 * `held` is every annotation of the provision, read under its lock.
 */
function refuseRepeat(held: Annotation[], wanted: Annotation, pinpoint: string): void {
  const same = held.find(
    (made) =>
      made.code.code === wanted.code.code &&
      made.origin === AnnotationOrigin.MANUAL &&
      made.createdByKeyId === wanted.createdByKeyId &&
      made.status !== AnnotationStatus.REJECTED &&
      isDeepStrictEqual(repeatFacts(made), repeatFacts(wanted)),
  );
  if (same)
    throw new ConflictError(
      `you made this annotation already on ${pinpoint} (${toGlobalId('Annotation', same.id)}, version ${same.version}): a request sent twice? It was not made again; edit that one (updateAnnotation) to change it`,
      { refusal: 'repeated', existing: toGlobalId('Annotation', same.id) },
    );
}

/** What makes two annotations by one key the same annotation (`refuseRepeat`). */
function repeatFacts(annotation: Annotation) {
  return {
    detail: annotation.detail ?? [],
    partyScope: annotation.partyScope?.length ? [...annotation.partyScope].sort() : null,
    bindingForce: annotation.bindingForce ?? null,
    evidence: [annotation.evidenceStart ?? null, annotation.evidenceEnd ?? null],
    confidence: annotation.confidence ?? null,
    note: annotation.note ?? null,
  };
}
