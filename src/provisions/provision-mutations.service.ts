import { EntityManager } from '@mikro-orm/knex';
import { VISIBLE_AGREEMENT } from '../agreements/repository/agreement-visibility';
import { refuseWriteToPendingSlug } from '../agreements/repository/pending-agreement';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ANNOTATION_WITHDRAWING, AnnotationWithdrawing } from '../annotations/annotation-events';
import { AnnotationStatus } from '../annotations/annotation.enums';
import { Agreement } from '../agreements/agreement.entity';
import { Annotation } from '../annotations/annotation.entity';
import { annotationSnapshot } from '../annotations/annotation-snapshot';
import { AuditActor, AuditService } from '../audit/audit.service';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors';
import { provisionCountProblem, provisionPositionProblem } from '../common/text-rules';
import { InputErrors } from '../common/input-errors';
import { splitPinpoint } from './pinpoint';
import { checkVersion, writeOrConflict } from '../common/optimistic-lock';
import {
  AddProvisionInput,
  ProvisionFieldsInput,
  RemoveProvisionInput,
  UpdateProvisionInput,
} from './dto/provision-mutation.inputs';
import { ProvisionLocation } from './provision-location.enum';
import { PROVISION_FIELDS, ProvisionField } from './provision-fields';
import { provisionSnapshot } from './provision-snapshot';
import { Provision } from './provision.entity';

/** What updateProvision may change: every fact but the key, which names the provision. */
const FIELDS = PROVISION_FIELDS.filter((field): field is Exclude<ProvisionField, 'key'> => field !== 'key');

/** Editors' changes to provisions: each in one transaction with its audit event. */
@Injectable()
export class ProvisionMutationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  add(input: AddProvisionInput, actor: AuditActor): Promise<Provision> {
    const errors = new InputErrors();
    errors.check(Boolean(input.location), 'input.location', 'is required');
    errors.check(Boolean(input.text || input.summary), 'input.text', 'give a text or a summary');
    errors.throwIfAny();
    return this.em.transactional(async (tx) => {
      const agreement = await tx.findOne(Agreement, { slug: input.agreement, ...VISIBLE_AGREEMENT });
      if (!agreement) {
        await refuseWriteToPendingSlug(tx, input.agreement);
        throw new NotFoundError('Agreement', input.agreement);
      }
      if (await tx.count(Provision, { agreement, key: input.key })) {
        throw new ConflictError(`provision ${input.agreement}/${input.key} exists`);
      }
      const full = provisionCountProblem((await tx.count(Provision, { agreement })) + 1);
      if (full) throw new BadUserInputError('input.agreement', `would hold ${full}`);
      const last = await tx.findOne(
        Provision,
        { agreement },
        { orderBy: { position: 'desc' }, fields: ['position'] },
      );
      const provision = tx.create(Provision, {
        agreement,
        key: input.key,
        location: input.location as ProvisionLocation,
      });
      const next = (last?.position ?? 0) + 1;
      if (input.position == null && provisionPositionProblem(next))
        throw new BadUserInputError(
          'input.position',
          `the agreement's last provision is at ${last!.position.toLocaleString('en')}, the highest position; give this one a position`,
        );
      this.assign(provision, input);
      if (input.position == null) provision.position = next;
      await tx.flush();
      this.audit.record(tx, actor, {
        action: 'provision.add',
        entityType: 'Provision',
        entityId: provision.id,
        agreementId: agreement.id,
        after: provisionSnapshot(provision),
      });
      return provision;
    });
  }

  update(input: UpdateProvisionInput, actor: AuditActor): Promise<Provision> {
    const { slug, key } = this.pinpoint(input.pinpoint);
    return writeOrConflict(
      `provision ${input.pinpoint}`,
      () =>
        this.em.transactional(async (tx) => {
          const provision = await this.load(tx, slug, key, input.version);
          const errors = new InputErrors();
          errors.check(input.location !== null, 'input.location', 'cannot be cleared');
          const text = input.text === undefined ? provision.text : input.text;
          const summary = input.summary === undefined ? provision.summary : input.summary;
          errors.check(Boolean(text || summary), 'input.text', 'a provision keeps a text or a summary');
          errors.throwIfAny();
          const before = provisionSnapshot(provision);
          const textChanged = input.text !== undefined && input.text !== provision.text;
          this.assign(provision, input);
          provision.updatedAt = new Date();
          if (textChanged) await this.relocateEvidence(tx, provision, actor);
          await tx.flush();
          this.audit.record(tx, actor, {
            action: 'provision.update',
            entityType: 'Provision',
            entityId: provision.id,
            agreementId: provision.agreement.id,
            before,
            after: provisionSnapshot(provision),
          });
          return provision;
        }),
      async () => (await this.em.fork().findOne(Provision, { agreement: { slug }, key }))?.version ?? null,
    );
  }

  async remove(input: RemoveProvisionInput, actor: AuditActor): Promise<Provision> {
    const { slug, key } = this.pinpoint(input.pinpoint);
    return this.em.transactional(async (tx) => {
      const provision = await this.load(tx, slug, key, input.version);
      const removedAnnotations = await tx.find(Annotation, { provision });
      const annotations = removedAnnotations.length;
      // The audit log keeps each annotation that goes with the provision (its history names what it was), and
      // what the reviewed ones did to near copies is taken back, as when an annotation is withdrawn.
      for (const a of removedAnnotations) {
        if (a.status !== AnnotationStatus.PROPOSED) {
          const event: AnnotationWithdrawing = { annotationId: a.id, actor, tx };
          await this.events.emitAsync(ANNOTATION_WITHDRAWING, event);
        }
        this.audit.record(tx, actor, {
          action: 'annotation.remove',
          entityType: 'Annotation',
          entityId: a.id,
          agreementId: provision.agreement.id,
          before: annotationSnapshot(a),
          reason: `provision ${input.pinpoint} was removed`,
        });
      }
      this.audit.record(tx, actor, {
        action: 'provision.remove',
        entityType: 'Provision',
        entityId: provision.id,
        agreementId: provision.agreement.id,
        before: { ...provisionSnapshot(provision), annotations },
      });
      const removed = { ...provision } as Provision;
      const deleted = await tx.nativeDelete(Provision, { id: provision.id, version: input.version });
      if (!deleted)
        throw new ConflictError(
          `provision ${input.pinpoint} was changed by another request at the same time; read it again`,
        );
      return removed;
    });
  }

  private pinpoint(pinpoint: string) {
    return splitPinpoint(pinpoint, 'input.pinpoint');
  }

  private async load(tx: EntityManager, slug: string, key: string, version: number): Promise<Provision> {
    const provision = await tx.findOne(Provision, { agreement: { slug, ...VISIBLE_AGREEMENT }, key });
    if (!provision) {
      await refuseWriteToPendingSlug(tx, slug);
      throw new NotFoundError('Provision', `${slug}/${key}`);
    }
    checkVersion(provision, version, `provision ${slug}/${key}`);
    return provision;
  }

  private assign(provision: Provision, input: ProvisionFieldsInput): void {
    for (const field of FIELDS) {
      const value = input[field];
      if (value !== undefined) (provision as unknown as Record<string, unknown>)[field] = value;
    }
  }

  /** A new text moves each annotation's evidence to where its quote now is, or drops it (noted) if gone. */
  private async relocateEvidence(tx: EntityManager, provision: Provision, actor: AuditActor): Promise<void> {
    const annotations = await tx.find(Annotation, { provision, evidenceQuote: { $ne: null } });
    for (const a of annotations) {
      const at = provision.text?.indexOf(a.evidenceQuote!) ?? -1;
      const before = annotationSnapshot(a);
      const startBefore = a.evidenceStart;
      if (at >= 0) {
        a.evidenceStart = at;
        a.evidenceEnd = at + a.evidenceQuote!.length;
      } else {
        a.evidenceStart = a.evidenceEnd = null;
        a.evidenceQuote = null;
      }
      if (startBefore !== a.evidenceStart) {
        this.audit.record(tx, actor, {
          action: 'annotation.relocateEvidence',
          entityType: 'Annotation',
          entityId: a.id,
          agreementId: provision.agreement.id,
          before,
          after: annotationSnapshot(a),
        });
      }
    }
  }
}
