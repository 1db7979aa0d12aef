import { EntityManager } from '@mikro-orm/knex';
import { VISIBLE_AGREEMENT } from './repository/agreement-visibility';
import { refuseWriteIfPending, refuseWriteToPendingSlug } from './repository/pending-agreement';
import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '../audit/audit.service';
import { concludedByProblem } from '../bindings/bloc-only-check';
import { statusOn } from '../bindings/binding';
import { today } from '../common/dates';
import { BindingRepository } from '../bindings/repository/binding.repository';
import { Annotation } from '../annotations/annotation.entity';
import { AnnotationStatus } from '../annotations/annotation.enums';
import { toGlobalId } from '../graphql/node/global-id';
import { ConflictError, NotFoundError, shownCode } from '../common/errors';
import { InputErrors } from '../common/input-errors';
import { checkVersion, writeOrConflict } from '../common/optimistic-lock';
import { Party } from '../parties/party.entity';
import { AGREEMENT_DATE_FIELDS } from './agreement-fields';
import { AgreementParty, createAgreementParty } from './agreement-party.entity';
import {
  dateOrderProblems,
  futureDateProblems,
  partyBeforeSignature,
  partyListProblems,
  sourceUrlProblem,
} from './agreement-record.schema';
import { agreementSnapshot } from './agreement-snapshot';
import { AgreementTypeTag } from './agreement-type-tag.entity';
import { Agreement } from './agreement.entity';
import { AgreementType } from './agreement.enums';
import {
  AgreementFieldsInput,
  AgreementPartyInput,
  ArchiveAgreementInput,
  CreateAgreementInput,
  SetAgreementPartiesInput,
  UpdateAgreementInput,
} from './dto/agreement-mutation.inputs';

const DATE_FIELDS = AGREEMENT_DATE_FIELDS;

/** Editors' changes to agreements: each in one transaction with its audit event. */
@Injectable()
export class AgreementMutationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateAgreementInput, actor: AuditActor): Promise<Agreement> {
    const errors = new InputErrors();
    errors.check(Boolean(input.title), 'input.title', 'is required');
    errors.check(Boolean(input.kind), 'input.kind', 'is required');
    errors.check(Boolean(input.status), 'input.status', 'is required');
    this.checkFields(input, input, errors);
    await this.checkParties(input.parties ?? [], errors, input.dateSigned);
    const concluded = await concludedByProblem(this.em, input, input.parties ?? []);
    if (concluded) errors.add('input.concludedBy', concluded);
    errors.throwIfAny();
    return this.em.transactional(async (tx) => {
      const held = await tx.findOne(Agreement, { slug: input.slug }, { fields: ['slug', 'pendingImportId'] });
      if (held) {
        await refuseWriteIfPending(tx, held);
        throw new ConflictError(`an agreement with slug "${input.slug}" exists`);
      }
      const agreement = tx.create(Agreement, {
        slug: input.slug,
        title: input.title!,
        kind: input.kind!,
        status: input.status!,
        origin: 'api',
      });
      this.assignFields(agreement, input);
      await tx.flush();
      const types = this.writeTypes(tx, agreement, input.types ?? []);
      const parties = this.writeParties(tx, agreement, input.parties ?? []);
      await tx.flush();
      this.audit.record(tx, actor, {
        action: 'agreement.create',
        entityType: 'Agreement',
        entityId: agreement.id,
        agreementId: agreement.id,
        after: agreementSnapshot(agreement, types, parties),
      });
      return agreement;
    });
  }

  update(input: UpdateAgreementInput, actor: AuditActor): Promise<Agreement> {
    return this.change(
      input.slug,
      input.version,
      'agreement.update',
      actor,
      async (tx, agreement, before) => {
        const errors = new InputErrors();
        errors.check(input.title !== null, 'input.title', 'cannot be cleared');
        errors.check(input.kind !== null, 'input.kind', 'cannot be cleared');
        errors.check(input.status !== null, 'input.status', 'cannot be cleared');
        const merged = { ...before.fields, ...definedOnly(input) };
        this.checkFields(input, merged, errors);
        if (input.concludedBy !== undefined || input.dateSigned !== undefined) {
          const parties = await tx.find(AgreementParty, { agreement }, { populate: ['party'] });
          const concluded = await concludedByProblem(
            tx,
            merged,
            parties.map((p) => ({ ...p, code: p.party.code })),
          );
          if (concluded) errors.add('input.concludedBy', concluded);
          // A new date of signature after a party's accession or withdrawal: the parties' dates say otherwise.
          if (input.dateSigned)
            for (const party of parties)
              for (const problem of partyBeforeSignature(party, merged.dateSigned))
                errors.add(
                  'input.dateSigned',
                  `(${merged.dateSigned}) is after ${party.party.code}'s ${problem.field} (${party[problem.field]}): a party joins or leaves an agreement once it is signed`,
                );
        }
        errors.throwIfAny();
        this.assignFields(agreement, input);
        if (input.types !== undefined) {
          await tx.nativeDelete(AgreementTypeTag, { agreement });
          this.writeTypes(tx, agreement, input.types ?? []);
        }
      },
    );
  }

  archive(input: ArchiveAgreementInput, actor: AuditActor): Promise<Agreement> {
    return this.change(input.slug, input.version, 'agreement.archive', actor, async (_tx, agreement) => {
      if (agreement.archivedAt) throw new ConflictError(`agreement "${input.slug}" is archived already`);
      agreement.archivedAt = new Date();
      agreement.archiveReason = input.reason;
    });
  }

  setParties(input: SetAgreementPartiesInput, actor: AuditActor): Promise<Agreement> {
    return this.change(input.slug, input.version, 'agreement.setParties', actor, async (tx, agreement) => {
      const errors = new InputErrors();
      await this.checkParties(input.parties, errors, agreement.dateSigned);
      const concluded = await concludedByProblem(tx, agreement, input.parties);
      if (concluded) errors.add('input.parties', `the agreement's concludedBy ${concluded}`);
      errors.throwIfAny();
      await tx.nativeDelete(AgreementParty, { agreement });
      this.writeParties(tx, agreement, input.parties);
      agreement.updatedAt = new Date();
      await this.refuseOrphanedScopes(tx, agreement);
    });
  }

  /**
   * An annotation scoped to some parties (`partyScope`) names parties the agreement binds, as `createAnnotation`
   * requires (a rejected one counts for nothing): a new list of parties that no longer binds one of them is refused,
   * naming the annotation, rather than leaving it scoped to a stranger. Until 7 December 2026 `setAgreementParties`
   * dropped Canada from an agreement whose heritage exception was scoped to Canada, and the annotation went on naming
   * it. Read after the new parties are flushed, so that the bindings (bloc members bound through their bloc) are
   * those of the new list.
   */
  private async refuseOrphanedScopes(tx: EntityManager, agreement: Agreement): Promise<void> {
    const scoped = await tx.find(
      Annotation,
      { provision: { agreement }, partyScope: { $ne: null }, status: { $ne: AnnotationStatus.REJECTED } },
      { populate: ['provision'], orderBy: { id: 'asc' } },
    );
    if (!scoped.length) return;
    await tx.flush();
    const bound = new Set(await new BindingRepository(tx).partiesBoundBy(agreement.id));
    const errors = new InputErrors();
    for (const annotation of scoped) {
      const strangers = (annotation.partyScope ?? []).filter((code) => !bound.has(code));
      if (strangers.length)
        errors.add(
          'input.parties',
          `annotation ${toGlobalId('Annotation', annotation.id)} on ${agreement.slug}/${annotation.provision.key} is scoped to ${strangers.join(', ')}, which this list no longer binds: change or withdraw it first`,
        );
    }
    errors.throwIfAny();
  }

  /** Loads, checks the version, applies `apply`, bumps the version and audits, all in one transaction. */
  private change(
    slug: string,
    version: number,
    action: string,
    actor: AuditActor,
    apply: (
      tx: EntityManager,
      agreement: Agreement,
      before: { fields: AgreementFieldsInput },
    ) => Promise<void>,
  ): Promise<Agreement> {
    return writeOrConflict(
      `agreement "${slug}"`,
      () =>
        this.em.transactional(async (tx) => {
          const agreement = await tx.findOne(Agreement, { slug, ...VISIBLE_AGREEMENT });
          if (!agreement) {
            await refuseWriteToPendingSlug(tx, slug);
            throw new NotFoundError('Agreement', slug);
          }
          checkVersion(agreement, version, `agreement "${slug}"`);
          const beforeState = await this.snapshot(tx, agreement);
          await apply(tx, agreement, { fields: agreement as unknown as AgreementFieldsInput });
          agreement.updatedAt = new Date();
          await tx.flush();
          this.audit.record(tx, actor, {
            action,
            entityType: 'Agreement',
            entityId: agreement.id,
            agreementId: agreement.id,
            before: beforeState,
            after: await this.snapshot(tx, agreement),
          });
          return agreement;
        }),
      async () => (await this.em.fork().findOne(Agreement, { slug }))?.version ?? null,
    );
  }

  private async snapshot(tx: EntityManager, agreement: Agreement): Promise<Record<string, unknown>> {
    const types = (await tx.find(AgreementTypeTag, { agreement })).map((t) => t.type);
    const parties = await tx.find(
      AgreementParty,
      { agreement },
      { populate: ['party'], orderBy: { id: 'asc' } },
    );
    return agreementSnapshot(agreement, types, parties);
  }

  private checkFields(
    input: AgreementFieldsInput,
    merged: Partial<Record<(typeof DATE_FIELDS)[number], string | null | undefined>>,
    errors: InputErrors,
  ) {
    for (const problem of futureDateProblems(input)) errors.add(`input.${problem.field}`, problem.message);
    for (const problem of dateOrderProblems({
      dateSigned: merged.dateSigned,
      dateProvisionallyApplied: merged.dateProvisionallyApplied,
      dateInForce: merged.dateInForce,
      dateTerminated: merged.dateTerminated,
    })) {
      errors.add(`input.${problem.split(' ')[0]}`, problem.slice(problem.indexOf(' ') + 1));
    }
    const status = (merged as { status?: string | null }).status;
    // Recorded as applying after its termination has passed (`statusOn`): every page would say "in force" of it.
    // Asked of a change to either, not of an edit of another field of a record stored so (import tota, older rows).
    if (
      (input.status !== undefined || input.dateTerminated !== undefined) &&
      status &&
      merged.dateTerminated &&
      statusOn({ status, dateTerminated: merged.dateTerminated }, today()) !== status
    )
      errors.add(
        'input.status',
        `is ${status}, but dateTerminated (${merged.dateTerminated}) has passed: the agreement binds nobody since; set TERMINATED`,
      );
    (input.sources ?? []).forEach((s, i) => {
      const problem = sourceUrlProblem(String(s.url));
      if (problem) errors.add(`input.sources.${i}.url`, problem);
    });
  }

  private async checkParties(
    parties: AgreementPartyInput[],
    errors: InputErrors,
    dateSigned: string | null | undefined,
  ): Promise<void> {
    const codes = parties.map((p) => p.code.toUpperCase());
    const known = new Set(
      (await this.em.find(Party, { code: { $in: codes } }, { fields: ['code'] })).map((p) => p.code),
    );
    codes.forEach((code, i) => {
      if (!known.has(code)) errors.add(`input.parties.${i}.code`, `unknown party code ${shownCode(code)}`);
    });
    for (const problem of partyListProblems(parties, { dateSigned }))
      errors.add(`input.parties.${problem.index}.${problem.field}`, problem.message);
  }

  private assignFields(agreement: Agreement, input: AgreementFieldsInput): void {
    const set = <K extends keyof Agreement>(key: K, value: Agreement[K] | undefined) => {
      if (value !== undefined) agreement[key] = value;
    };
    set('title', input.title ?? undefined);
    set('shortTitle', input.shortTitle);
    set('kind', input.kind ?? undefined);
    set('status', input.status ?? undefined);
    for (const field of DATE_FIELDS) set(field, input[field]);
    set('concludedBy', input.concludedBy);
    set('language', input.language);
    set('wtoRtaId', input.wtoRtaId);
    set('destaNumber', input.destaNumber);
    if (input.sources !== undefined) {
      agreement.sources = (input.sources ?? []).map((s) => ({
        url: String(s.url),
        language: s.language ?? null,
        kind: s.kind,
      }));
    }
  }

  private writeTypes(tx: EntityManager, agreement: Agreement, types: AgreementType[]): AgreementType[] {
    const unique = [...new Set(types)];
    for (const type of unique) tx.create(AgreementTypeTag, { agreement, type });
    return unique;
  }

  private writeParties(
    tx: EntityManager,
    agreement: Agreement,
    parties: AgreementPartyInput[],
  ): AgreementParty[] {
    return parties.map((p) => createAgreementParty(tx, agreement, p));
  }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
