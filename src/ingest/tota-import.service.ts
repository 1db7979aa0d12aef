import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { readdirSync, Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { AgreementParty } from '../agreements/agreement-party.entity';
import { AgreementRecord, dateOrderProblems } from '../agreements/agreement-record.schema';
import { Agreement } from '../agreements/agreement.entity';
import { annotatorProvision, RuleAnnotationService } from '../annotations/rule-annotation.service';
import { slugify } from '../common/slug';
import { BlocMembership } from '../parties/bloc-membership.entity';
import { Provision } from '../provisions/provision.entity';
import { Party } from '../parties/party.entity';
import { AnnotatorAgreement } from '../annotations/rules/annotator.types';
import { forgetProposalsAhead, proposeAhead } from '../annotations/rules/proposals-ahead';
import { PROVISIONS_WRITING, PROVISIONS_WRITTEN, ProvisionsWriting } from '../provisions/provision-events';
import { AgreementRecordWriter, provisionInTitleForm } from './agreement-record.writer';
import { emptySummary, ImportSummary } from './import-summary';
import { ImportRequest, Importer } from './importer';
import { Progress } from './progress';
import { readOnlySnapshot, withFewerSyncs, writerTurns } from '../database/engines/engines';
import { corpusDir } from '../config';
import {
  DestaAccession,
  DestaEntry,
  destaDisagreements,
  destaEntryOf,
  laterAccessions,
  laterMemberAccessions,
  readDestaSources,
  laterWithdrawals,
} from './tota/desta-crosscheck';
import { writtenMeanwhile } from '../common/written-meanwhile';
import { printable, readUtf8, readUtf8Until, statImportPath, UnreadableFileError } from './read-utf8';
import {
  AccessionInstrumentDate,
  accessionInstrumentDates,
  BlocFacts,
  euBloc,
  foldBlocs,
  FoldResult,
  languageKeySuffix,
  provisionRecords,
  totaPartyCodes,
  totaRecord,
  totaStatusNote,
  withDestaAccessions,
  withDestaMemberAccessions,
  withDestaEntryIntoForce,
  withDatedWithdrawals,
  withDestaWithdrawals,
  withLaterParties,
  withParticipationSuspensions,
  withSides,
  laterBlocMembers,
} from './tota-record';
import {
  LANGUAGE_VERSIONS,
  LanguageVersion,
  languageVersionsOf,
  orderLanguageVersions,
} from './tota-versions';
import {
  accessionDateOf,
  laterPartiesOf,
  participationSuspensionsOf,
  withdrawalsOf,
} from './tota/meta-corrections';
import { sidesOf } from './tota/agreement-sides';
import { parseTota, parseTotaMeta, TotaParseError, TotaTreaty } from './tota/parse-tota';

const isXml = (name: string): boolean => /\.xml$/i.test(name);

/**
 * Expands folders into their .xml files, in natural order (pta_2 before pta_10). A path that does not exist, or a
 * folder holding no .xml file (the corpus's `tota/`, whose files are in `tota/xml/`), is refused before anything
 * is read, every such path named: the run said "0 of 0 files imported" and exited 0, or printed Node's ENOENT.
 */
export function totaFilesIn(paths: string[]): string[] {
  const problems: string[] = [];
  const files = paths.flatMap((path) => {
    let stat: Stats;
    try {
      stat = statImportPath(path);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      problems.push(error.message);
      return [];
    }
    if (!stat.isDirectory()) return [path];
    const entries = readdirSync(path, { withFileTypes: true });
    const xml = entries.filter((e) => !e.isDirectory() && isXml(e.name)).map((e) => join(path, e.name));
    if (!xml.length) {
      const folders = entries.filter((e) => e.isDirectory()).map((e) => printable(e.name));
      problems.push(
        `${printable(basename(path))}: a folder with no .xml file` +
          (folders.length
            ? ` (the import does not look into its folders: ${folders.slice(0, 5).join(', ')}${folders.length > 5 ? ', ...' : ''}; give the one that holds the files)`
            : ''),
      );
    }
    return xml;
  });
  if (problems.length) throw new UnreadableFileError(`${problems.join('; ')}; nothing was imported`);
  return files.sort((a, b) => basename(a).localeCompare(basename(b), 'en', { numeric: true }));
}

/** What writing one file did, for the summary once its transaction has committed. */
interface Written {
  agreement: Agreement;
  /** Every provision of the agreement once written (for the annotator: see WrittenAgreement). */
  all: Provision[];
  provisions: number;
  fold: FoldResult | null;
  merged: ImportSummary['merged'][number] | null;
  /** The agreement was in the catalogue before this file (rewritten from it), not created by it. */
  existed: boolean;
  /** Whether the file changed anything held (an agreement held before that it leaves as it was: unchanged). */
  changed: boolean;
}

@Injectable()
export class TotaImportService implements Importer {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AgreementRecordWriter,
    private readonly annotator: RuleAnnotationService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * `import tota`: the paths are ToTA files or folders of them, imported in file-name order. Each file is
   * imported in its own transaction; a bad file is reported and skipped, the others go on. On SQLite the import
   * leaves the database's writer free for a moment about every second (`WriterTurns`), so that the server's writes
   * sent meanwhile are taken rather than refused for the import's length. Files that are
   * language versions of one treaty (see `versionKey`) are imported one after the other, the English one (or
   * else the first) first; each further version is merged into the agreement the first one made.
   */
  async import(request: ImportRequest): Promise<ImportSummary> {
    const files = totaFilesIn(request.paths);
    const progress = request.progress?.(files.length);
    const summary = await withFewerSyncs(this.orm, () =>
      this.importEach(files, { annotate: request.annotate !== false, progress }),
    ).finally(() => {
      this.events.emit(PROVISIONS_WRITTEN);
      forgetProposalsAhead();
    });
    progress?.stop();
    return summary;
  }

  private async importEach(
    files: string[],
    options: { annotate: boolean; progress?: Progress },
  ): Promise<ImportSummary> {
    const summary = emptySummary();
    const blocs = await this.blocFacts();
    const { entries: desta, accessions, withdrawals, absent } = readDestaSources(corpusDir());
    for (const file of absent)
      summary.warnings.push({
        file,
        message:
          'not found, so the statuses, dates and members that ToTA misreports are not corrected from it: set CORPUS_DIR to the corpus that holds desta/ and countries/',
      });
    const groups = orderLanguageVersions(files.map((file) => ({ file, meta: readMeta(file) })));
    // States that joined an agreement later, dated by their own accession instrument among these files.
    const instruments = accessionInstrumentDates(groups.flat().map((item) => item.meta));
    const versionHomes = await this.versionHomes();
    const ordered = groups.flatMap((group) =>
      group.map((item, index) => ({ ...item, first: index > 0 ? group[0].meta : null })),
    );
    // A treaty identifier met twice in one run: the second file would overwrite the first.
    const seen = new Map<string, string>();
    // Each file is read and parsed, and its index rows and annotations computed, while the statements of the one
    // before it run.
    const ahead: Ahead = {
      sources: { blocs, desta, accessions, withdrawals, instruments },
      developing: options.annotate ? await this.developingParties() : null,
    };
    let next = ordered.length ? this.prepareSoon(ordered[0], ahead) : null;
    // Between two files' transactions, another process's writer (the server's) gets its turn now and then.
    const turns = writerTurns(this.orm);
    for (const [index, { file, first }] of ordered.entries()) {
      summary.files++;
      const name = printable(basename(file));
      const parsed = await next!;
      next = index + 1 < ordered.length ? this.prepareSoon(ordered[index + 1], ahead) : null;
      try {
        if ('error' in parsed) throw parsed.error;
        const { treaty } = parsed;
        const earlier = seen.get(treaty.treatyIdentifier);
        if (earlier)
          throw new Error(
            `treaty_identifier ${printable(treaty.treatyIdentifier)} is also in ${earlier}, imported earlier in this run; nothing of this file was written`,
          );
        seen.set(treaty.treatyIdentifier, name);
        // The file as it would be written, in a transaction of its own: by the same writer, so that what counts as
        // changed has one definition.
        const writeFile = async (tx: EntityManager, sink: ImportSummary, probing = false) => {
          // A file whose ToTA id is an agreement's is that agreement (a re-import), not a further language version.
          const own = await tx.count(Agreement, { totaId: treaty.treatyIdentifier });
          const home = own
            ? null
            : await this.languageHome(tx, treaty, blocs, first?.treatyIdentifier ?? null, versionHomes);
          // The read-only probe (heldAsItIs) of a file that makes a new agreement ends here: it cannot find the
          // agreement held as it is, and building and checking the record only to be refused at its first write
          // cost a whole corpus import ten statements and the record's making a file.
          if (probing && !home && !own) throw new NotHeld();
          const written = home
            ? await this.writeLanguageVersion(tx, home, treaty, first?.fileName ?? null)
            : await this.writeTreaty(
                tx,
                treaty,
                own > 0,
                blocs,
                sink,
                desta,
                { accessions, withdrawals },
                instruments,
              );
          const annotated = options.annotate
            ? await this.annotator.annotate(tx, written.agreement, written.all)
            : null;
          return {
            agreement: written.agreement,
            provisions: written.provisions,
            fold: written.fold,
            merged: written.merged,
            existed: written.existed,
            changed: written.changed || !!annotated?.changed,
            annotations: annotated ? annotated.created + annotated.updated : 0,
          };
        };
        const counts =
          (await this.heldAsItIs(writeFile, summary)) ??
          (await (this.orm.em.fork() as EntityManager).transactional((tx) => writeFile(tx, summary)));
        // Counted once the file's transaction has committed.
        if (counts.merged) summary.merged.push(counts.merged);
        else if (counts.existed && counts.changed)
          summary.updated.push({ file: name, into: counts.agreement.slug });
        else if (counts.existed) summary.unchanged.push({ file: name, into: counts.agreement.slug });
        summary.foldedMembers += counts.fold?.throughBloc.length ?? 0;
        if (counts.fold?.counterparties.length)
          summary.counterparties.push({
            file: name,
            into: counts.agreement.slug,
            codes: counts.fold.counterparties,
          });
        summary.imported++;
        summary.provisions += counts.provisions;
        summary.annotations += counts.annotations;
      } catch (error) {
        const reason =
          error instanceof TotaParseError
            ? error.reason
            : error instanceof Error
              ? // Another import (or the API) that made the same agreement meanwhile: said so, not its INSERT.
                (writtenMeanwhile(error) ?? error).message
              : String(error);
        summary.failures.push({ file: name, reason: printable(reason) });
      }
      // Said once the file's transaction has ended, before any turn given to other writers.
      options.progress?.tick(name);
      await turns.afterCommit();
    }
    return summary;
  }

  /**
   * A file's write run first in a read-only snapshot (`readOnlySnapshot`), which takes no writer: when it finds the
   * agreement held just as the file says (nothing to change: the writer and the annotator wrote nothing), that is
   * the file's outcome, its warnings added to `summary`, and no write transaction is begun. Anything else (a new
   * agreement, a change, which the engine refuses at its first write, or any failure) gives null: the file is then
   * written as before, in a transaction that holds the writer and reads everything again, so that a write made by
   * another process in between is read, not overwritten with what this snapshot saw. Until 6 December 2026 a
   * re-import of an unchanged file held the writer for its whole comparison: the TPP (pta_449), 17 to 25 s.
   */
  private async heldAsItIs<T extends { existed: boolean; changed: boolean }>(
    writeFile: (tx: EntityManager, sink: ImportSummary, probing: boolean) => Promise<T>,
    summary: ImportSummary,
  ): Promise<T | null> {
    const sink = emptySummary();
    let outcome: T;
    try {
      outcome = await readOnlySnapshot(this.orm.em.fork() as EntityManager, (tx) =>
        writeFile(tx, sink, true),
      );
    } catch {
      return null;
    }
    if (!outcome.existed || outcome.changed) return null;
    summary.warnings.push(...sink.warnings);
    return outcome;
  }

  /**
   * A file read and parsed (`parseSoon`), then what can be computed of its rows ahead, in turns of a few
   * milliseconds: search's index rows of its provisions (PROVISIONS_WRITING) and, for a file that is not a further
   * language version, the rule annotator's proposals for the agreement its record makes (`proposeAhead`). The work
   * fills the time the import waits on the database for the file before, and a turn short enough keeps that file's
   * next statement from waiting behind it. Each is taken only by a write of the very values it was computed from
   * (the flush's provisions, the annotator's input as read in the transaction); anything else is computed as before.
   */
  private prepareSoon(item: { file: string; first: TotaTreaty | null }, ahead: Ahead): Promise<Parsed> {
    return parseSoon(item.file).then(async (parsed) => {
      if (!('treaty' in parsed)) return parsed;
      try {
        const record = item.first ? null : treatyRecord(parsed.treaty, '', ahead.sources).record;
        const provisions = record?.provisions ?? provisionRecords(parsed.treaty);
        const writing: ProvisionsWriting = {
          provisions: provisions.map(provisionInTitleForm),
          turnEveryMs: 4,
        };
        await this.events.emitAsync(PROVISIONS_WRITING, writing);
        if (record && ahead.developing) await proposeAhead(annotatorInput(record, ahead.developing), 4);
      } catch {
        // Nothing (more) computed ahead: the write computes it, and the import reports what is wrong with the file.
      }
      return parsed;
    });
  }

  /** Whether each party is a developing one, as the annotator reads it (`RuleAnnotationService.propose`). */
  private async developingParties(): Promise<Map<string, boolean | null>> {
    const parties = await this.orm.em.fork().find(Party, {}, { fields: ['code', 'developing'] });
    return new Map(parties.map((p) => [p.code, p.developing]));
  }

  /** A treaty as an agreement of its own (or the first language version of one). */
  private async writeTreaty(
    tx: EntityManager,
    treaty: TotaTreaty,
    held: boolean,
    blocs: BlocFacts[],
    summary: ImportSummary,
    desta: Map<string, DestaEntry>,
    {
      accessions,
      withdrawals,
    }: { accessions: Map<string, DestaAccession[]>; withdrawals: Map<string, DestaAccession[]> },
    instruments: Map<string, Map<string, AccessionInstrumentDate>>,
  ): Promise<Written> {
    // `held`: the transaction found an agreement of this ToTA id (none: nothing to read of it).
    const existing = held ? await tx.findOne(Agreement, { totaId: treaty.treatyIdentifier }) : null;
    const { record, fold } = treatyRecord(treaty, existing?.slug ?? (await this.newSlug(tx, treaty)), {
      blocs,
      desta,
      accessions,
      withdrawals,
      instruments,
    });
    // Language versions merged into it earlier stay recorded, with their sources.
    const versions = languageVersionsOf(existing?.sourceMeta);
    if (versions.length) {
      record.sourceMeta = { ...record.sourceMeta, [LANGUAGE_VERSIONS]: versions };
      record.sources = mergeSources(
        record.sources,
        versions.flatMap((v) => v.sources as AgreementRecord['sources']),
      );
    }
    for (const problem of dateOrderProblems(record))
      summary.warnings.push({ file: treaty.fileName, message: `ToTA meta: ${problem}` });
    // A note saying where a fact comes from when it is not ToTA's as given (ToTA's own status is every record's).
    for (const fact of ['dateInForce', 'status'] as const) {
      const note = record.factSources?.[fact];
      if (note && note !== totaStatusNote(treaty.status))
        summary.warnings.push({ file: treaty.fileName, message: `ToTA meta: ${note}` });
    }
    // A file whose text is left out gives no provisions: the summary says why, as the record's sources do.
    if (treaty.textLeftOut && record.factSources?.text)
      summary.warnings.push({ file: treaty.fileName, message: record.factSources.text });
    const { agreement, provisions: all, changed } = await this.writer.writeRecord(tx, record);
    return {
      agreement,
      all,
      provisions: record.provisions.length,
      fold,
      merged: null,
      existed: !!existing,
      changed,
    };
  }

  /**
   * The agreement of which this file, whose ToTA id is no agreement's, is a further language version, or null when
   * it has no sibling:
   * - the agreement made from the first version of the same treaty in this run (`firstTotaId`);
   * - the agreement that already lists the file among its language versions (an earlier import);
   * - an agreement imported from ToTA alone, from another language version of the same treaty (same WTO RTA id,
   *   or name when there is none; same signature date; same parties) with no version in this file's language.
   */
  private async languageHome(
    tx: EntityManager,
    treaty: TotaTreaty,
    blocs: BlocFacts[],
    firstTotaId: string | null,
    versionHomes: Map<string, number>,
  ): Promise<Agreement | null> {
    if (firstTotaId) {
      const first = await tx.findOne(Agreement, { totaId: firstTotaId });
      if (first) return first;
    }
    const listed = versionHomes.get(treaty.treatyIdentifier);
    if (listed !== undefined) return tx.findOne(Agreement, { id: listed });
    if (!treaty.dateSigned || !treaty.language) return null;
    const candidates = await tx.find(Agreement, {
      origin: 'tota',
      dateSigned: treaty.dateSigned,
      totaId: { $ne: null },
      wtoRtaId: treaty.wtoRtaId ?? null,
    });
    // The parties its record holds: ToTA's, and the states added after ToTA's snapshot (`withLaterParties`).
    const totaCodes = totaPartyCodes(treaty);
    const parties = [
      ...foldBlocs(treaty, totaCodes, blocs).codes,
      ...laterPartiesOf(treaty.fileName, totaCodes).map((c) => c.code),
    ]
      .sort()
      .join(' ');
    for (const candidate of candidates) {
      if (!treaty.wtoRtaId && slugify(candidate.title) !== slugify(treaty.name ?? '')) continue;
      const held = languageVersionsOf(candidate.sourceMeta);
      const languages = held.length ? held.map((v) => v.language) : [candidate.language];
      if (languages.includes(treaty.language)) continue;
      const codes = (await tx.find(AgreementParty, { agreement: candidate }, { fields: ['party'] }))
        .map((p) => p.party.code)
        .sort()
        .join(' ');
      if (codes === parties) return candidate;
    }
    return null;
  }

  /** ToTA id -> agreement id, for every file recorded as a further language version of an agreement. */
  private async versionHomes(): Promise<Map<string, number>> {
    const agreements = await this.orm.em
      .fork()
      .find(
        Agreement,
        { totaId: { $ne: null }, sourceMeta: { $ne: null } },
        { fields: ['id', 'totaId', 'sourceMeta'] },
      );
    const homes = new Map<string, number>();
    for (const a of agreements)
      for (const v of languageVersionsOf(a.sourceMeta)) if (v.totaId !== a.totaId) homes.set(v.totaId, a.id);
    return homes;
  }

  /** Adds a further language version's provisions (keys ending in `.<language>`) to the agreement it belongs to. */
  private async writeLanguageVersion(
    tx: EntityManager,
    home: Agreement,
    treaty: TotaTreaty,
    firstFile: string | null,
  ): Promise<Written> {
    const held = languageVersionsOf(home.sourceMeta);
    const versions: LanguageVersion[] = held.length
      ? held
      : [
          {
            totaId: home.totaId!,
            language: home.language,
            file:
              typeof home.sourceMeta?.fileName === 'string' ? home.sourceMeta.fileName : (firstFile ?? ''),
            keySuffix: null,
            sources: [],
          },
        ];
    const keySuffix =
      versions.find((v) => v.totaId === treaty.treatyIdentifier)?.keySuffix ??
      languageKeySuffix(treaty.language!);
    const record = totaRecord(treaty, home.slug, []);
    const version: LanguageVersion = {
      totaId: treaty.treatyIdentifier,
      language: treaty.language,
      file: treaty.fileName,
      keySuffix,
      sources: record.sources.map((s) => ({ url: s.url, language: s.language ?? null, kind: s.kind })),
    };
    // The other versions' provisions keep their keys; this version's follow them in position, or keep the place
    // they have when the agreement holds this version already (a re-import: moved after the others, they read as
    // a change, and every re-import of a version but the last rewrote its provisions).
    const articleIds = new Set(record.provisions.map((p) => p.externalId));
    const heldProvisions = await tx.find(
      Provision,
      { agreement: home },
      { fields: ['key', 'externalId', 'position'] },
    );
    const own = heldProvisions.filter((p) => p.externalId && articleIds.has(p.externalId));
    const others = heldProvisions.filter((p) => !p.externalId || !articleIds.has(p.externalId));
    const offset = own.length
      ? Math.min(...own.map((p) => p.position ?? 0)) - 1
      : Math.max(0, ...others.map((p) => p.position ?? 0));
    const provisions = provisionRecords(treaty, keySuffix, new Set(others.map((p) => p.key))).map((p) => ({
      ...p,
      position: (p.position ?? 0) + offset,
    }));
    // A version held already keeps its place in the list (moved to its end, it read as a change).
    const listed = versions.some((v) => v.totaId === version.totaId);
    const { all, changed } = await this.writer.writeLanguageVersion(tx, home, {
      versions: listed
        ? versions.map((v) => (v.totaId === version.totaId ? version : v))
        : [...versions, version],
      sources: record.sources,
      parts: record.record?.parts ?? [],
      provisions,
    });
    return {
      agreement: home,
      all,
      provisions: provisions.length,
      fold: null,
      // A version the agreement holds as it is: unchanged, as a plain re-import (nothing written).
      merged: changed
        ? { file: treaty.fileName, language: treaty.language, into: home.slug, keySuffix }
        : null,
      existed: true,
      changed,
    };
  }

  /** A new agreement's slug (one in the catalogue keeps its own): from its name, unique. */
  private async newSlug(em: EntityManager, treaty: TotaTreaty): Promise<string> {
    const base = slugify(treaty.name ?? '') || `tota-${treaty.treatyIdentifier}`;
    const taken = await em.count(Agreement, { slug: base });
    return taken ? `${base}-tota-${treaty.treatyIdentifier}` : base;
  }

  private async blocFacts(): Promise<BlocFacts[]> {
    const memberships = await this.orm.em
      .fork()
      .find(BlocMembership, { bloc: 'EUN' }, { populate: ['member'] });
    if (!memberships.length) return [];
    return [
      euBloc(
        memberships.map((m) => ({
          code: m.member.code,
          dateJoined: m.dateJoined,
          dateLeft: m.dateLeft,
          names: [m.member.name],
        })),
      ),
    ];
  }
}

/** The probe of a file found that it makes a new agreement (heldAsItIs then gives null, as for a change). */
class NotHeld extends Error {}

/** A file read and parsed, or why it could not be. */
type Parsed = { treaty: TotaTreaty } | { error: unknown };

/**
 * Reads and parses a file on the event loop's next turn, which comes while the import waits on the database for
 * the file before it: the work fills time the main thread would spend idle. A failure is returned, for the import
 * to report when it comes to the file.
 */
function parseSoon(file: string): Promise<Parsed> {
  return new Promise((resolve) =>
    setImmediate(() => {
      try {
        resolve({ treaty: parseTota(readUtf8(file), printable(basename(file))) });
      } catch (error) {
        resolve({ error });
      }
    }),
  );
}

/** What a file's record is built from besides the file: the catalogue's blocs, DESTA's entries and the run's files. */
interface RecordSources {
  blocs: BlocFacts[];
  desta: Map<string, DestaEntry>;
  accessions: Map<string, DestaAccession[]>;
  withdrawals: Map<string, DestaAccession[]>;
  instruments: Map<string, Map<string, AccessionInstrumentDate>>;
}

/**
 * A treaty's record as `writeTreaty` writes it (before the language versions an earlier import merged into it),
 * from the file and `sources` alone: what the database holds is not read.
 */
function treatyRecord(
  treaty: TotaTreaty,
  slug: string,
  { blocs, desta, accessions, withdrawals, instruments }: RecordSources,
): { record: AgreementRecord; fold: FoldResult } {
  const fold = foldBlocs(treaty, totaPartyCodes(treaty), blocs);
  const record = totaRecord(treaty, slug, blocs, instruments);
  record.factSources = { ...record.factSources, ...destaDisagreements(desta, treaty) };
  withDestaEntryIntoForce(record, treaty, destaEntryOf(desta, treaty.name));
  withDestaAccessions(record, laterAccessions(accessions, treaty, treaty.partiesOriginal), (code) =>
    accessionDateOf(treaty.fileName, code),
  );
  // A withdrawal a source dates first; DESTA's, of a year only, then leaves it as it is.
  withDatedWithdrawals(record, withdrawalsOf(treaty.fileName, treaty.parties));
  withDestaWithdrawals(record, laterWithdrawals(withdrawals, treaty, treaty.parties));
  withLaterParties(record, laterPartiesOf(treaty.fileName, totaPartyCodes(treaty)));
  withParticipationSuspensions(record, participationSuspensionsOf(treaty.fileName, totaPartyCodes(treaty)));
  for (const bloc of blocs.filter((b) => fold.folded.includes(b.code)))
    withDestaMemberAccessions(
      record,
      bloc.code,
      laterMemberAccessions(accessions, treaty, laterBlocMembers(treaty, fold, bloc)),
    );
  // Once every party is listed: the side each is of, where the text applies the agreement only between sides.
  withSides(record, sidesOf(treaty.fileName), treaty.fileName);
  return { record, fold };
}

/** What the next file's work ahead is computed from (see `prepareSoon`); `developing` null: no annotation. */
interface Ahead {
  sources: RecordSources;
  developing: Map<string, boolean | null> | null;
}

/**
 * The annotator's input for a new agreement written from `record` (`RuleAnnotationService.propose`): its provisions
 * that have a text in position order (then the order they are created in, as their ids), its parties in the
 * record's order (as they are created), the agreement's language or else the first provision's.
 */
function annotatorInput(
  record: AgreementRecord,
  developing: Map<string, boolean | null>,
): AnnotatorAgreement {
  const provisions = record.provisions
    .map((p, index) => ({ p: provisionInTitleForm(p), index, position: p.position ?? index + 1 }))
    .filter(({ p }) => p.text != null)
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map(({ p, index }) => annotatorProvision(String(index), p));
  return {
    language: record.language ?? provisions.find((p) => p.language)?.language ?? 'en',
    parties: record.parties.map((p) => ({ code: p.code, developing: developing.get(p.code) ?? null })),
    provisions,
  };
}

/**
 * The meta of a file, to order language versions, read from the file's start alone (the import reads the whole
 * file once, later); null when it cannot be read (the import reports why).
 */
function readMeta(file: string): TotaTreaty | null {
  try {
    const head = readUtf8Until(file, '</meta>');
    return head === null ? null : parseTotaMeta(head, basename(file));
  } catch {
    return null;
  }
}

function mergeSources(
  first: AgreementRecord['sources'],
  more: AgreementRecord['sources'],
): AgreementRecord['sources'] {
  const urls = new Set(first.map((s) => s.url));
  return [...first, ...more.filter((s) => !urls.has(s.url) && urls.add(s.url))];
}
