import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { concludedByProblem } from '../bindings/bloc-only-check';
import {
  AgreementParty,
  agreementPartyValues,
  createAgreementParty,
} from '../agreements/agreement-party.entity';
import { hasPendingWrites } from '../common/pending-writes';
import { LIST_BOUNDS } from '../common/list-cost';
import { checkNoRelationCycle } from '../agreements/relation-cycle';
import {
  freeTextProblem,
  provisionCountProblem,
  provisionPositionProblem,
  provisionTextProblem,
  titleForm,
  titleProblem,
} from '../common/text-rules';
import {
  AgreementRecord,
  AnnotationRecord,
  ProvisionRecord,
  partyListProblems,
} from '../agreements/agreement-record.schema';
import { AgreementRelation } from '../agreements/agreement-relation.entity';
import { AgreementTypeTag } from '../agreements/agreement-type-tag.entity';
import { Agreement } from '../agreements/agreement.entity';
import { refuseWriteIfPending } from '../agreements/repository/pending-agreement';
import { AGREEMENT_FIELDS, AgreementField, fieldsOf } from '../agreements/agreement-fields';
import { RecordCoverage, RecordPart } from '../agreements/agreement.enums';
import { Annotation } from '../annotations/annotation.entity';
import { isHumanAnnotation } from '../annotations/human-annotation';
import { Party } from '../parties/party.entity';
import { Provision } from '../provisions/provision.entity';
import {
  PROVISION_KEPT_FIELDS,
  PROVISION_LABEL_FIELDS,
  ProvisionField,
} from '../provisions/provision-fields';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';

/**
 * An agreement as written, with every one of its provisions once written (those it had and those the record
 * added, flushed, their annotations loaded), in no particular order: what the rule annotator reads otherwise.
 */
export interface WrittenAgreement {
  agreement: Agreement;
  provisions: Provision[];
  /** Whether the agreement was not in the catalogue before. */
  created: boolean;
  /** Whether the record changed anything held (false: the catalogue already held it as it is; nothing was written). */
  changed: boolean;
}

/**
 * The value held when it is the same JSON as the one wanted, else the wanted one: PostgreSQL's jsonb gives an
 * object's keys back in its own order, which the unit of work read as a change (every re-import said "updated").
 */
function sameJsonOr<T>(held: T | undefined, wanted: T): T {
  return held !== undefined && isDeepStrictEqual(held, JSON.parse(JSON.stringify(wanted)) as T)
    ? held
    : wanted;
}

/** A record that passed `checkRecord`, in the form it is stored. */
export type CheckedRecord = AgreementRecord & { readonly [checked]: true };
declare const checked: unique symbol;
/** The records checkRecord gave back (a WeakSet: a record changed after its check is a new object, checked again). */
const CHECKED = new WeakSet<object>();

/** Origin of records checked by hand: a dataset import adds their texts but keeps their facts. */
const CURATED_ORIGIN = 'fixtures';

/**
 * Writes agreement records (fixtures, JSON exports, ToTA and text imports) into the catalogue. Agreements
 * are matched by ToTA id, then slug; provisions by external id, then key; annotations by code and origin.
 * Annotations that a person made or reviewed are left as they are, and so are the facts of a hand-checked
 * (fixture) agreement when a dataset brings its text. A record the catalogue already holds as it is writes
 * nothing (no row rewritten, so no binding or search row refreshed either). Call inside a transaction.
 */
@Injectable()
export class AgreementRecordWriter {
  async write(em: EntityManager, record: AgreementRecord): Promise<Agreement> {
    return (await this.writeRecord(em, record)).agreement;
  }

  /**
   * The record as it is stored (titles and labels in title form) once it passes every check `writeRecord` makes
   * before writing (its texts, its parties): these only read, so that an import can check a whole file before it
   * takes the database's writer (`import json`), and a refused file never holds it. Throws what writeRecord would.
   */
  async checkRecord(em: EntityManager, wanted: AgreementRecord): Promise<CheckedRecord> {
    const record = inTitleForm(wanted);
    await this.checkParties(em, record);
    checkRecordTexts(record);
    CHECKED.add(record);
    return record as CheckedRecord;
  }

  /**
   * `write`, which also gives every provision of the agreement once written (see WrittenAgreement). A record
   * `checkRecord` gave back is not checked again. With `pendingImport`, the record must create its agreement, which
   * is written marked as that import's, invisible until the import publishes it (`ingest/pending-imports.ts`); a
   * record that finds its agreement held is refused (writing it would show it half-imported).
   */
  async writeRecord(
    em: EntityManager,
    wanted: AgreementRecord | CheckedRecord,
    options: { pendingImport?: number } = {},
  ): Promise<WrittenAgreement> {
    const record = CHECKED.has(wanted) ? wanted : await this.checkRecord(em, wanted);
    const origin = record.origin ?? 'api';
    let agreement =
      (record.externalIds.totaId
        ? await em.findOne(Agreement, { totaId: record.externalIds.totaId })
        : null) ?? (await em.findOne(Agreement, { slug: record.slug }));
    const keepFacts = agreement?.origin === CURATED_ORIGIN && origin !== CURATED_ORIGIN;
    const created = !agreement;
    let changed = created;
    // An agreement another import in progress is writing is that import's alone (`pending-agreement.ts`).
    if (agreement) await refuseWriteIfPending(em, agreement, options.pendingImport);
    if (agreement && options.pendingImport !== undefined)
      throw new Error(
        `agreement "${agreement.slug}" was written by another process during the import; import the file again`,
      );
    if (!agreement) {
      agreement = em.create(Agreement, {
        slug: record.slug,
        title: record.title,
        kind: record.kind,
        status: record.status,
        pendingImportId: options.pendingImport ?? null,
      });
    }
    if (keepFacts) {
      agreement.language ??= record.language ?? null;
      agreement.totaId ??= record.externalIds.totaId ?? null;
      // The imported text completes the curated excerpts.
      if (record.record) {
        agreement.recordCoverage = record.record.coverage;
        agreement.recordParts = record.record.parts;
      }
    } else {
      this.assignFacts(em, agreement, record, origin);
    }
    if (created) {
      // Nothing of a new agreement is held: its types, parties and provisions are written with it, by one flush (its
      // bindings computed once, from its parties; a flush of the agreement alone refreshed them with none, and the
      // import read its types, parties and provisions and deleted them, a corpus import's fifth of its statements).
      for (const type of new Set(record.types)) em.create(AgreementTypeTag, { agreement, type });
      for (const p of record.parties) createAgreementParty(em, agreement, p);
      const all = this.stageProvisions(em, agreement, record.provisions, []).all;
      await em.flush();
      return { agreement, provisions: all, created, changed: true };
    }
    changed = hasPendingWrites(em);
    await em.flush();
    if (!keepFacts) {
      changed = (await this.writeTypes(em, agreement, record)) || changed;
      changed = (await this.writeParties(em, agreement, record)) || changed;
    }
    const provisions = await this.writeProvisions(em, agreement, record.provisions);
    return { agreement, provisions: provisions.all, created, changed: provisions.changed || changed };
  }

  /**
   * Adds a further language version of an agreement (the same treaty in another language): its provisions,
   * its entry in `sourceMeta.languageVersions` and, for an agreement whose facts come from a dataset, its
   * sources. The agreement's facts are the first version's and stay as they are. Call inside a transaction.
   * Returns every provision of the agreement once written (as WrittenAgreement's), and whether the version changed
   * anything held, by writeRecord's rule (a version held as it is, re-imported: nothing written).
   */
  async writeLanguageVersion(
    em: EntityManager,
    agreement: Agreement,
    version: {
      versions: unknown[];
      sources: AgreementRecord['sources'];
      parts: RecordPart[];
      provisions: ProvisionRecord[];
    },
  ): Promise<{ all: Provision[]; changed: boolean }> {
    await refuseWriteIfPending(em, agreement);
    // A language version's provisions follow the rules of a record's (checkRecordTexts), the agreement counted
    // with the provisions it holds already.
    version = { ...version, provisions: version.provisions.map(provisionInTitleForm) };
    const held = await em.find(Provision, { agreement }, { fields: ['key'] });
    const keys = new Set([...held.map((p) => p.key), ...version.provisions.map((p) => p.key)]);
    checkProvisionRecords(agreement.slug, version.provisions, keys.size);
    agreement.sourceMeta = sameJsonOr(agreement.sourceMeta, {
      ...(agreement.sourceMeta ?? {}),
      languageVersions: version.versions,
    });
    if (agreement.origin !== CURATED_ORIGIN) {
      const urls = new Set(agreement.sources.map((s) => s.url));
      const added = version.sources.filter((s) => !urls.has(s.url));
      if (added.length)
        agreement.sources = [
          ...agreement.sources,
          ...added.map((s) => ({ url: s.url, language: s.language ?? null, kind: s.kind })),
        ];
    }
    if (agreement.recordCoverage === RecordCoverage.FULL_TEXT) {
      const heldParts = agreement.recordParts ?? [];
      const parts = [...new Set([...heldParts, ...version.parts])];
      if (parts.length !== heldParts.length) agreement.recordParts = parts;
    }
    const changed = hasPendingWrites(em);
    await em.flush();
    const provisions = await this.writeProvisions(em, agreement, version.provisions);
    return { all: provisions.all, changed: provisions.changed || changed };
  }

  /**
   * Relations point at other agreements by slug, so they are written once all records are in. Whether they
   * changed (the same relations as held: nothing written). With `pendingImport`: the import writing the record,
   * whose own agreements it may point at; one another import in progress is writing is refused, as a target too.
   */
  async writeRelations(
    em: EntityManager,
    record: AgreementRecord,
    options: { pendingImport?: number } = {},
  ): Promise<boolean> {
    if (!record.related.length) return false;
    const from = await em.findOneOrFail(Agreement, { slug: record.slug });
    await refuseWriteIfPending(em, from, options.pendingImport);
    const held = (await em.find(AgreementRelation, { from }, { populate: ['to'] })).map(
      (r) => `${r.to.slug} ${r.kind}`,
    );
    const wanted = [...new Set(record.related.map((link) => `${link.slug} ${link.relation}`))];
    if (held.length === wanted.length && wanted.every((link) => held.includes(link))) return false;
    const all = await em.find(AgreementRelation, {}, { populate: ['from', 'to'] });
    checkNoRelationCycle(
      all.map((r) => ({ from: r.from.slug, to: r.to.slug, kind: r.kind })),
      record.slug,
      record.related,
    );
    await em.nativeDelete(AgreementRelation, { from });
    const targets: Agreement[] = [];
    for (const link of record.related) {
      const to = await em.findOne(Agreement, { slug: link.slug });
      if (!to) throw new Error(`${record.slug}: related agreement "${link.slug}" is not in the catalogue`);
      await refuseWriteIfPending(em, to, options.pendingImport);
      em.create(AgreementRelation, { from, to, kind: link.relation });
      targets.push(to);
    }
    await em.flush();
    // An agreement's page and its `related` field list the relations of both sides, charged for
    // LIST_BOUNDS.agreementLinks: a record holds its own list to that bound (recordListProblems), and the
    // agreements it points at are held to it here, those pointing at them counted (31 records each amending one
    // agreement gave it 31).
    const bound = LIST_BOUNDS.agreementLinks;
    const relations = (agreement: Agreement) =>
      em.count(AgreementRelation, { $or: [{ from: agreement }, { to: agreement }] });
    for (const [index, agreement] of [from, ...targets].entries()) {
      const n = await relations(agreement);
      if (n > bound)
        throw new Error(
          `${record.slug}: related${index ? `.${index - 1}` : ''}: ${agreement.slug} would have ${n} relations (those pointing at it counted); an agreement has ${bound} at most`,
        );
    }
    return true;
  }

  private assignFacts(
    em: EntityManager,
    agreement: Agreement,
    record: AgreementRecord,
    origin: string,
  ): void {
    em.assign(agreement, {
      // The slug names the agreement once created; the types are rows of their own (writeTypes).
      ...(fieldsOf(
        AGREEMENT_FIELDS.filter((field) => field !== 'slug' && field !== 'types'),
        (field) => record[field] ?? null,
      ) as Pick<Agreement, Exclude<AgreementField, 'slug' | 'types'>>),
      slug: agreement.slug ?? record.slug,
      wtoRtaId: record.externalIds.wtoRtaId ?? null,
      totaId: record.externalIds.totaId ?? null,
      destaNumber: record.externalIds.destaNumber ?? null,
      language: record.language ?? null,
      composition: record.composition ?? null,
      regions: sameJsonOr(agreement.regions, record.regions),
      sourceMeta: sameJsonOr(agreement.sourceMeta, record.sourceMeta ?? null),
      sources: sameJsonOr(
        agreement.sources,
        record.sources.map((s) => ({ url: s.url, language: s.language ?? null, kind: s.kind })),
      ),
      factSources: sameJsonOr(agreement.factSources, record.factSources ?? null),
      recordCoverage: record.record?.coverage ?? null,
      recordParts: record.record?.parts ?? null,
      origin,
    });
  }

  private async checkParties(em: EntityManager, record: AgreementRecord): Promise<void> {
    const codes = record.parties.map((p) => p.code);
    const known = new Set(
      (await em.find(Party, { code: { $in: codes } }, { fields: ['code'] })).map((p) => p.code),
    );
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length)
      throw new Error(`${record.slug}: parties.code: unknown party code(s) ${unknown.join(', ')}`);
    // Whatever the importer (a ToTA or text import builds its records without the JSON schema): the party rules.
    const problems = partyListProblems(record.parties, record);
    if (problems.length)
      throw new Error(
        `${record.slug}: ${problems.map((p) => `parties.${p.index}.${p.field}: ${p.message}`).join('; ')}`,
      );
    const concluded = await concludedByProblem(em, record, record.parties);
    if (concluded) throw new Error(`${record.slug}: concludedBy: ${concluded}`);
  }

  /** The agreement's types as the record lists them; whether they changed (unchanged: nothing written). */
  private async writeTypes(
    em: EntityManager,
    agreement: Agreement,
    record: AgreementRecord,
  ): Promise<boolean> {
    const held = (await em.find(AgreementTypeTag, { agreement })).map((t) => t.type);
    const types = [...new Set(record.types)];
    if (held.length === types.length && types.every((type) => held.includes(type))) return false;
    await em.nativeDelete(AgreementTypeTag, { agreement });
    for (const type of types) em.create(AgreementTypeTag, { agreement, type });
    await em.flush();
    return true;
  }

  /** The agreement's parties as the record lists them, in its order; whether they changed (unchanged: nothing written). */
  private async writeParties(
    em: EntityManager,
    agreement: Agreement,
    record: AgreementRecord,
  ): Promise<boolean> {
    const held = await em.find(AgreementParty, { agreement }, { orderBy: { id: 'asc' } });
    const rowValues = (row: AgreementParty) =>
      agreementPartyValues({ ...row, code: row.party.code, withdrawn: row.withdrawn });
    const same =
      held.length === record.parties.length &&
      held.every(
        (row, i) =>
          JSON.stringify(rowValues(row)) === JSON.stringify(agreementPartyValues(record.parties[i])),
      );
    if (same) return false;
    await em.nativeDelete(AgreementParty, { agreement });
    for (const p of record.parties) createAgreementParty(em, agreement, p);
    await em.flush();
    return true;
  }

  private async writeProvisions(
    em: EntityManager,
    agreement: Agreement,
    records: ProvisionRecord[],
  ): Promise<{ all: Provision[]; changed: boolean }> {
    const existing: Provision[] = await em.find(Provision, { agreement }, { populate: ['annotations'] });
    const { all, created } = this.stageProvisions(em, agreement, records, existing);
    // A provision created is a write: the change sets are then computed once, by the flush (an import of the
    // corpus computed them twice, a twentieth of its CPU).
    const changed = created || hasPendingWrites(em);
    await em.flush();
    return { all, changed };
  }

  /** The records' provisions matched to those held (`existing`) or created, with their annotations; not flushed. */
  private stageProvisions(
    em: EntityManager,
    agreement: Agreement,
    records: ProvisionRecord[],
    existing: Provision[],
  ): { all: Provision[]; created: boolean } {
    const all = new Set(existing);
    const byExternalId = new Map(existing.filter((p) => p.externalId).map((p) => [p.externalId!, p]));
    const byKey = new Map(existing.map((p) => [p.key, p]));
    let created = false;
    records.forEach((record, index) => {
      const held =
        (record.externalId ? byExternalId.get(record.externalId) : undefined) ?? byKey.get(record.key);
      created ||= !held;
      const values = {
        location: record.location,
        position: record.position ?? index + 1,
        ...(fieldsOf(PROVISION_KEPT_FIELDS, (field) => record[field] ?? held?.[field] ?? null) as Partial<
          Pick<Provision, ProvisionField>
        >),
      };
      // A new provision takes its values as it is created (assigned afterwards, they cost the import 1% of its CPU).
      const provision = held
        ? em.assign(held, values)
        : em.create(Provision, { agreement, key: record.key, ...values });
      byKey.set(provision.key, provision);
      all.add(provision);
      this.writeAnnotations(em, provision, record.annotations);
    });
    return { all: [...all], created };
  }

  private writeAnnotations(em: EntityManager, provision: Provision, records: AnnotationRecord[]): void {
    const current = provision.annotations.isInitialized() ? provision.annotations.getItems() : [];
    for (const record of records) {
      const match = current.find((a) => a.code.code === record.code && a.origin === record.origin);
      if (match && isHumanAnnotation(match)) continue;
      const annotation =
        match ??
        em.create(Annotation, {
          provision,
          code: em.getReference(TaxonomyCode, record.code),
          origin: record.origin,
          status: record.status,
        });
      em.assign(annotation, {
        detail: record.detail,
        bindingForce: record.bindingForce ?? null,
        status: record.status,
        ruleId: record.ruleId ?? null,
        confidence: record.confidence ?? null,
        note: record.note ?? null,
        author: record.author ?? null,
        partyScope: record.partyScope?.length ? record.partyScope : null,
        evidenceStart: record.evidence?.start ?? null,
        evidenceEnd: record.evidence?.end ?? null,
        evidenceQuote: record.evidence?.quote ?? null,
      });
    }
  }
}

/**
 * The record with its titles and labels as the API and `import json` store them (`titleForm`: trimmed, composed):
 * the ToTA and text importers build their records without the JSON schema, and a title written decomposed ("cafe"
 * and U+0301) was stored so, which titleContains "café" did not find on SQLite.
 */
function inTitleForm(record: AgreementRecord): AgreementRecord {
  const form = (value: string | null | undefined) => titleForm(value) as string | null | undefined;
  return {
    ...record,
    title: form(record.title) as string,
    shortTitle: form(record.shortTitle),
    externalIds: Object.fromEntries(
      Object.entries(record.externalIds ?? {}).map(([name, value]) => [name, form(value as string | null)]),
    ) as AgreementRecord['externalIds'],
    provisions: record.provisions.map(provisionInTitleForm),
  };
}

/** A provision's titles and labels as the API and `import json` store them (`titleForm`). */
export function provisionInTitleForm(provision: ProvisionRecord): ProvisionRecord {
  const formed: Record<string, unknown> = { ...provision };
  for (const field of PROVISION_LABEL_FIELDS) formed[field] = titleForm(provision[field]);
  return formed as ProvisionRecord;
}

/**
 * Whatever the importer (ToTA and text imports build their records without the JSON schema): the agreement's
 * titles and external ids, and each provision's titles and labels, follow the title rule (`titleProblem`: a ToTA
 * file's `name="Customs &#x202E;Duties"` was stored with its bidirectional override, which the API and `import
 * json` refuse), a provision's text the API's rule on its length (`provisionTextProblem`), the free texts (a
 * provision's text and summary, an annotation's note, the fact sources) the API's rule on characters
 * (`freeTextProblem`: no control characters, no bidirectional overrides) and the agreement
 * the API's rule on its number of provisions (`provisionCountProblem`), a provision's position the rule on places
 * (`provisionPositionProblem`); each is named by its path in the record.
 */
function checkRecordTexts(record: AgreementRecord): void {
  const problems: string[] = [];
  const label = labelChecker(problems);
  label('title', record.title);
  label('shortTitle', record.shortTitle);
  for (const [name, value] of Object.entries(record.externalIds ?? {}))
    label(`externalIds.${name}`, value as string | null | undefined);
  // What a fact's source says, shown beside the fact on the agreement's page: a free text.
  for (const [fact, source] of Object.entries(record.factSources ?? {})) {
    const problem = freeTextProblem(source);
    if (problem) problems.push(`factSources.${fact}: ${problem}`);
  }
  problems.push(...provisionProblems(record.provisions, record.provisions.length));
  if (problems.length) throw new Error(`${record.slug}: ${problems.join('; ')}`);
}

/** The rules of checkRecordTexts on provisions alone (a language version's), `count` the agreement's total. */
function checkProvisionRecords(slug: string, provisions: readonly ProvisionRecord[], count: number): void {
  const problems = provisionProblems(provisions, count);
  if (problems.length) throw new Error(`${slug}: ${problems.join('; ')}`);
}

function labelChecker(problems: string[]) {
  return (path: string, value: string | null | undefined): void => {
    const problem = typeof value === 'string' ? titleProblem(value.trim()) : null;
    if (problem) problems.push(`${path}: ${problem}`);
  };
}

function provisionProblems(provisions: readonly ProvisionRecord[], count: number): string[] {
  const problems: string[] = [];
  const tooMany = provisionCountProblem(count);
  if (tooMany) problems.push(`provisions: ${tooMany}`);
  const label = labelChecker(problems);
  provisions.forEach((provision, index) => {
    for (const field of PROVISION_LABEL_FIELDS)
      label(`provisions.${index}.${field} (${provision.key})`, provision[field]);
    const problem = provision.text ? provisionTextProblem(provision.text) : null;
    if (problem) problems.push(`provision ${provision.key}: text ${problem}`);
    const place = provision.position == null ? null : provisionPositionProblem(provision.position);
    if (place) problems.push(`provisions.${index}.position (${provision.key}): ${place}`);
    for (const field of ['text', 'summary'] as const) {
      const control = provision[field] ? freeTextProblem(provision[field]) : null;
      if (control) problems.push(`provisions.${index}.${field} (${provision.key}): ${control}`);
    }
    // An annotation's note, as the API's createAnnotation takes it (import json took any).
    provision.annotations.forEach((annotation, i) => {
      const note = annotation.note ? freeTextProblem(annotation.note) : null;
      if (note) problems.push(`provisions.${index}.annotations.${i}.note (${provision.key}): ${note}`);
    });
  });
  return problems;
}
