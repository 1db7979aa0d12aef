import { AgreementRecord, ProvisionRecord, sourceUrlProblem } from '../agreements/agreement-record.schema';
import {
  DatePrecision,
  AgreementKind,
  AgreementStatus,
  AgreementType,
  ConcludedBy,
  PartyRole,
  RecordCoverage,
  RecordPart,
  SourceKind,
} from '../agreements/agreement.enums';
import { articleKey } from '../common/slug';
import { articleNumberForm } from '../provisions/article-number';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { TotaTreaty } from './tota/tota-treaty';
import { totaProvisions } from './tota/tota-provisions';
import { BlocConclusion, blocConclusionFromText } from './tota/bloc-conclusion';
import { DestaEntry } from './tota/desta-crosscheck';
import type {
  TotaAccessionDate,
  TotaLaterParty,
  TotaParticipationSuspension,
  TotaWithdrawal,
} from './tota/meta-corrections';
import { sideOfParty, TotaSides } from './tota/agreement-sides';

/** A member state of a bloc, with its dates and the names under which agreement titles may name it. */
export interface BlocMemberFacts {
  code: string;
  dateJoined: string | null;
  dateLeft: string | null;
  /** Names of the state as agreement titles write them (its party name, ToTA's forms); whole words. */
  names?: readonly string[];
}

/** A bloc and its members with their dates, to fold member states listed one by one into the bloc. */
export interface BlocFacts {
  code: string;
  /** Words in an agreement's name that show the bloc is the party (e.g. EU, EC, European Union). */
  namePattern: RegExp;
  members: BlocMemberFacts[];
}

/** The names under which the European Union appears in ToTA agreement names. */
const EU_NAME = /\b(EU|EC|EEC|European Union|European Communit(y|ies))\b/;

/**
 * How ToTA titles name member states whose ISO short name differs ("EC - Czech and Slovak Federal Republic
 * Interim Agreement", "EC - Slovak Republic Europe Agreement"); the party's own name is always tried too.
 */
const TITLE_NAMES: Record<string, string[]> = {
  CZE: ['Czech'],
  SVK: ['Slovak'],
  GBR: ['United Kingdom'],
};

/** The European Union as ToTA shows it: its member states listed one by one in agreements named after it. */
export function euBloc(members: BlocMemberFacts[], partyNames: Record<string, string> = {}): BlocFacts {
  return {
    code: 'EUN',
    namePattern: EU_NAME,
    members: members.map((m) => ({
      ...m,
      names: [
        ...(m.names ?? []),
        ...(partyNames[m.code] ? [partyNames[m.code]] : []),
        ...(TITLE_NAMES[m.code] ?? []),
      ],
    })),
  };
}

const TYPES: Record<string, AgreementType> = {
  'free trade agreement': AgreementType.FTA,
  'economic integration agreement': AgreementType.EIA,
  'customs union': AgreementType.CU,
  'partial scope agreement': AgreementType.PSA,
};

const STATUSES: Record<string, AgreementStatus> = {
  'in force': AgreementStatus.IN_FORCE,
  inactive: AgreementStatus.TERMINATED,
  'early announcement-signed': AgreementStatus.SIGNED,
};

const isMemberOn = (m: BlocMemberFacts, date: string | null): boolean =>
  !date || ((!m.dateJoined || m.dateJoined <= date) && (!m.dateLeft || m.dateLeft > date));

const plain = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Is the state named in the agreement's title (a whole-word match of one of its names)? */
function namedIn(title: string, member: BlocMemberFacts): boolean {
  const words = ` ${plain(title).replace(/[^a-z0-9]+/g, ' ')} `;
  return (member.names ?? []).some((n) => {
    const name = plain(n)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    return name !== '' && words.includes(` ${name} `);
  });
}

/** How the parties ToTA lists were read: the codes kept, and what was folded into a bloc or kept apart. */
export interface FoldResult {
  codes: string[];
  /** The blocs recorded as parties in place of their member states. */
  folded: string[];
  /** Member states ToTA lists that are recorded as bound through their bloc, not as parties. */
  throughBloc: string[];
  /** Member states kept as parties: the counterparty of the bloc, not yet a member when it signed. */
  counterparties: string[];
  /** The bloc's constituent treaty (signed before it had members): its states are bound through it. */
  constituent: boolean;
}

/**
 * ToTA lists the European Union's member states one by one, including states that joined after the agreement
 * was signed (the Union's agreements bind new members on accession) and states that joined soon after it
 * (ec-austria-agreement-of-1972 lists Denmark, Ireland and the United Kingdom). The bloc is a party when the
 * agreement's name shows it and one of its members at signature is listed, or when at least half of its members
 * at signature are listed (the First and Second Lomé Conventions, Yaoundé, the EEA; the Third Lomé Convention
 * lacks three of the ten). Then every listed state that was a member at signature or joined later is recorded
 * as bound through the bloc (its membership dates say from when and until when), except the counterparty: a
 * state that ToTA lists as an original party, was not a member when the agreement was signed, and is named in
 * the agreement's title (Bulgaria in "EC - Bulgaria Europe Agreement"). A state that had left the bloc before
 * the signature stays a party in its own right.
 */
export function foldBlocs(treaty: TotaTreaty, codes: string[], blocs: BlocFacts[]): FoldResult {
  const title = treaty.name ?? '';
  const signed = treaty.dateSigned;
  const original = treaty.partiesOriginal.length ? treaty.partiesOriginal : codes;
  for (const bloc of blocs) {
    const atSignature = bloc.members.filter((m) => isMemberOn(m, signed));
    const listedAtSignature = atSignature.filter((m) => codes.includes(m.code)).length;
    const named = bloc.namePattern.test(title);
    if (
      atSignature.length &&
      ((named && listedAtSignature > 0) || listedAtSignature * 2 >= atSignature.length)
    ) {
      const counterparties: string[] = [];
      const throughBloc: string[] = [];
      for (const m of bloc.members.filter((x) => codes.includes(x.code))) {
        if (signed && m.dateLeft && m.dateLeft <= signed) continue; // left before: a party in its own right
        const member = isMemberOn(m, signed);
        if (!member && original.includes(m.code) && namedIn(title, m)) counterparties.push(m.code);
        else throughBloc.push(m.code);
      }
      return {
        codes: [bloc.code, ...codes.filter((c) => !throughBloc.includes(c) && c !== bloc.code)],
        folded: [bloc.code],
        throughBloc,
        counterparties,
        constituent: false,
      };
    }
    // Signed before the bloc existed, by its founders and states that became its members: its constituent
    // treaty. Each state is bound by it through the bloc, from its accession until its exit, like the bloc's
    // other agreements: its fellow members are never its partners under it.
    const members = codes.map((c) => bloc.members.find((m) => m.code === c));
    const firstJoined = bloc.members.reduce<string | null>(
      (min, m) => (m.dateJoined && (!min || m.dateJoined < min) ? m.dateJoined : min),
      null,
    );
    const founders = bloc.members.filter((m) => m.dateJoined === firstJoined);
    if (
      signed &&
      !atSignature.length &&
      members.every(Boolean) &&
      founders.length > 0 &&
      founders.every((m) => codes.includes(m.code))
    ) {
      return {
        codes: [bloc.code],
        folded: [bloc.code],
        throughBloc: [...codes],
        counterparties: [],
        constituent: true,
      };
    }
  }
  return { codes, folded: [], throughBloc: [], counterparties: [], constituent: false };
}

/** A language code as a key suffix: lower-case letters, digits and hyphens (`es`, `pt-br`). */
export function languageKeySuffix(language: string): string {
  return (
    language
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Every party code ToTA gives a treaty: the original parties, then those that joined later. */
export function totaPartyCodes(treaty: TotaTreaty): string[] {
  return [...new Set([...treaty.partiesOriginal, ...(treaty.parties.length ? treaty.parties : [])])];
}

/** Chapters that ToTA names as annexes (rare: its makers removed most annexes). */
const ANNEX_CHAPTER = /^\s*(annex|annexe|anexo)\b/i;

/**
 * The treaty's articles as provision records. Keys come from article numbers (`art-22.7`), `preamble`, or the
 * ToTA article id. A further language version of an agreement already held passes `languageSuffix` (its
 * language code): its keys get `.<language>` (`art-1.es`), so they stay unique beside the first version's
 * keys and stay one path segment of the pinpoint; `taken` holds the keys already used by earlier versions.
 */
export function provisionRecords(
  treaty: TotaTreaty,
  languageSuffix: string | null = null,
  taken: ReadonlySet<string> = new Set(),
): ProvisionRecord[] {
  const used = new Set<string>(taken);
  const suffix = languageSuffix ? `.${languageKeySuffix(languageSuffix)}` : '';
  return totaProvisions(treaty).map((p) => {
    const base =
      p.location === ProvisionLocation.PREAMBLE
        ? 'preamble'
        : p.articleNumber
          ? articleKey(p.articleNumber)
          : `tota-${p.ref}`;
    let key = `${base}${suffix}`;
    if (used.has(key)) key = `${base}-tota-${p.ref}${suffix}`;
    used.add(key);
    return {
      key,
      location: p.location,
      chapterNumber: p.chapterNumber,
      chapterTitle: p.chapterTitle,
      articleNumber: p.articleNumber === null ? null : articleNumberForm(p.articleNumber),
      articleTitle: p.articleTitle,
      position: p.order + 1,
      language: treaty.language,
      text: p.text,
      externalId: p.ref,
      annotations: [],
    };
  });
}

/** The parts of the agreement a ToTA file holds: its main text, and its annexes when it has annex chapters. */
export function totaRecordParts(treaty: TotaTreaty): RecordPart[] {
  return treaty.chapters.some((c) => ANNEX_CHAPTER.test(c.name ?? ''))
    ? [RecordPart.MAIN_TEXT, RecordPart.ANNEXES]
    : [RecordPart.MAIN_TEXT];
}

function foldNote(fold: FoldResult): Record<string, string> {
  if (fold.constituent)
    return {
      parties:
        `ToTA parties; the constituent treaty of ${fold.folded.join(', ')}, recorded as binding its member states ` +
        `through it, each from its accession until its exit (bloc membership facts): ${fold.throughBloc.join(', ')}`,
    };
  if (fold.folded.length) {
    const apart = fold.counterparties.length
      ? `; kept as parties, being the counterparty and not yet a member at signature: ${fold.counterparties.join(', ')}`
      : '';
    return {
      parties:
        `ToTA parties; the member states listed one by one are recorded as ${fold.folded.join(', ')} and bound ` +
        `through it by their membership dates (${fold.throughBloc.join(', ') || 'none listed'})${apart}`,
    };
  }
  return {};
}

/** Where `concludedBy` comes from: the words of the text that say who concluded it on the EU's side. */
function conclusionNote(treaty: TotaTreaty, conclusion: BlocConclusion | null): Record<string, string> {
  if (!conclusion) return {};
  const says =
    conclusion.concludedBy === 'MIXED'
      ? 'names the member states as contracting parties beside the EU'
      : 'names the EU (its Communities) alone as the party on its side, and no member state anywhere';
  return {
    concludedBy: `The text (ToTA v0.5.0, ${treaty.fileName}) ${says} (${conclusion.evidence}; ingest/tota/bloc-conclusion.ts)`,
  };
}

/**
 * The instrument by which states joined an agreement ("EAC - Accession of Burundi and Rwanda", "EFTA - Accession
 * of Iceland"): ToTA lists the acceding states among its current parties only, but the instrument's dates are
 * theirs, so they are parties to it from its own dates.
 */
const isAccessionInstrument = (treaty: TotaTreaty): boolean => /\baccession\b/i.test(treaty.name ?? '');

/** ToTA's date of entry into force is earlier than its signature date: both cannot be true. */
const inForceBeforeSignature = (treaty: TotaTreaty): boolean =>
  Boolean(treaty.dateIntoForce && treaty.dateSigned && treaty.dateIntoForce < treaty.dateSigned);

/**
 * Where ToTA's meta contradicts itself, the record says so rather than picking silently: a date of entry into
 * force before the signature is left out (the date may be an earlier instrument's, ECO's 1992 protocol for its
 * 2003 agreement); a status of signed only beside a date of entry into force is kept as ToTA gives both.
 */
function contradictionNotes(treaty: TotaTreaty): Record<string, string> {
  const notes: Record<string, string> = {};
  if (inForceBeforeSignature(treaty))
    notes.dateInForce =
      `Left out: ToTA (${treaty.fileName}) gives ${treaty.dateIntoForce}, before the signature date it gives ` +
      `(${treaty.dateSigned}); one of the two is wrong, and no other source was consulted`;
  if (treaty.dateIntoForce && STATUSES[(treaty.status ?? '').toLowerCase()] === AgreementStatus.SIGNED)
    notes.status =
      `ToTA v0.5.0 (2017, ${treaty.fileName}) gives the status "${treaty.status}" (signed only, not in force) and also a date ` +
      `of entry into force, ${treaty.dateIntoForce}: the two disagree. Both are kept as ToTA gives them; the ` +
      'parties are counted as bound from that date; not re-checked since';
  return notes;
}

/**
 * The parties whose dates ToTA does not give: those listed among the current parties only (they joined later,
 * on a date ToTA does not say) and those listed among the original parties only (they left, on a date ToTA does
 * not say). The catalogue binds neither on any date, and says why.
 */
function partyDateNotes(
  treaty: TotaTreaty,
  codes: string[],
  dated: Map<string, AccessionInstrumentDate>,
): Record<string, string> {
  const original = treaty.partiesOriginal;
  const current = treaty.parties;
  if (!original.length || !current.length) return {};
  const later = isAccessionInstrument(treaty)
    ? []
    : codes.filter((c) => current.includes(c) && !original.includes(c));
  const joined = later.filter((c) => !dated.has(c));
  const withInstrument = later.filter((c) => dated.has(c));
  const left = codes.filter((c) => original.includes(c) && !current.includes(c));
  const datedNote = withInstrument.length
    ? `listed by ToTA among the current parties but not the original ones, and dated by their own accession ` +
      `instrument in ToTA (joined on its date of entry into force, as ToTA gives it): ` +
      withInstrument
        .map((c) => `${c} ${dated.get(c)!.date} (${dated.get(c)!.fileName}, "${dated.get(c)!.name}")`)
        .join(', ')
    : null;
  const notes: string[] = [];
  if (joined.length)
    notes.push(
      `listed by ToTA among the current parties but not the original ones (joined later; ToTA gives no date of ` +
        `accession, and the agreement's dates are the original parties'): ${joined.join(', ')}`,
    );
  if (left.length)
    notes.push(
      `listed by ToTA among the original parties but not the current ones (left; ToTA gives no date): ${left.join(', ')}`,
    );
  const undated = notes.length
    ? `${notes.join('; ')}. Not counted as bound on any date until a source gives one`
    : null;
  const text = [datedNote, undated].filter((x) => x !== null).join('; ');
  return text ? { partyDates: text } : {};
}

/** A state's accession to an agreement as its own accession instrument in ToTA dates it. */
export interface AccessionInstrumentDate {
  /** The instrument's date of entry into force. */
  date: string;
  fileName: string;
  name: string;
}

/**
 * The accession instruments among the files of one import (a title naming an accession: "EFTA - Accession of
 * Iceland"), by the WTO id of each agreement they relate to (`related_agreement_wto_id`), then by acceding state:
 * the instrument's date of entry into force, the earliest where several instruments list the state. The acceding
 * states are those an instrument lists among its current parties only (pta_135 so lists Iceland, not Liechtenstein,
 * which it lists among its original parties and which joined EFTA in 1991), or else every state it lists (pta_441,
 * Armenia's; pta_444, Kyrgyzstan's, lists Armenia too: Armenia's own, earlier, instrument dates it). Only a state
 * the related agreement lists among its current parties only (joined later) takes the date (`totaRecord`).
 */
export function accessionInstrumentDates(
  treaties: readonly (TotaTreaty | null)[],
): Map<string, Map<string, AccessionInstrumentDate>> {
  const result = new Map<string, Map<string, AccessionInstrumentDate>>();
  for (const t of treaties) {
    if (!t || !isAccessionInstrument(t) || !t.dateIntoForce || !t.name) continue;
    if (inForceBeforeSignature(t)) continue;
    const currentOnly = t.parties.filter((c) => !t.partiesOriginal.includes(c));
    const acceding = currentOnly.length ? currentOnly : [...new Set([...t.partiesOriginal, ...t.parties])];
    for (const related of t.relatedAgreementWtoIds) {
      const byCode = result.get(related) ?? new Map<string, AccessionInstrumentDate>();
      for (const code of acceding) {
        const held = byCode.get(code);
        if (!held || t.dateIntoForce < held.date)
          byCode.set(code, { date: t.dateIntoForce, fileName: t.fileName, name: t.name });
      }
      result.set(related, byCode);
    }
  }
  return result;
}

/** Maps a parsed ToTA treaty onto the catalogue's agreement record (slug chosen by the caller). */
/**
 * Where a ToTA record's status comes from when it is ToTA's own: the WTO card's when ToTA was made, so an
 * agreement in force then may have ended since. Every ToTA record says so; the import warns only of the others.
 */
export const totaStatusNote = (status: string | null): string =>
  `"${status ?? 'none'}" on the WTO RTA card as ToTA v0.5.0 (2017) copied it; not re-checked since`;

export function totaRecord(
  treaty: TotaTreaty,
  slug: string,
  blocs: BlocFacts[],
  accessions: Map<string, Map<string, AccessionInstrumentDate>> = new Map(),
): AgreementRecord {
  const original = [...treaty.partiesOriginal];
  const current = treaty.parties.length ? [...treaty.parties] : original;
  const fold = foldBlocs(treaty, totaPartyCodes(treaty), blocs);
  const { codes, folded } = fold;
  const role = (code: string) =>
    folded.includes(code) || original.includes(code) || !original.length || isAccessionInstrument(treaty)
      ? PartyRole.ORIGINAL
      : PartyRole.ACCEDED;
  // A state that joined later, dated by its own accession instrument among the files imported with this one.
  const held =
    (treaty.wtoRtaId && accessions.get(treaty.wtoRtaId)) || new Map<string, AccessionInstrumentDate>();
  const dated = new Map(
    codes
      .filter((c) => role(c) === PartyRole.ACCEDED && current.includes(c) && held.has(c))
      .map((c) => [c, held.get(c)!]),
  );
  const conclusion = fold.folded.includes('EUN') && !fold.constituent ? blocConclusionFromText(treaty) : null;
  const status = STATUSES[(treaty.status ?? '').toLowerCase()] ?? AgreementStatus.SIGNED;
  const types = (treaty.type ?? '')
    .split('&')
    .map((t) => TYPES[t.trim().toLowerCase()])
    .filter((t): t is AgreementType => Boolean(t));
  const composition = treaty.composition ?? '';
  // One space where ToTA's name has several ("Arusha  Agreement", five names): pages show one, and the title filter
  // (titleContains) found nothing for the title typed as shown.
  const name = treaty.name?.replace(/\s+/g, ' ').trim() || null;
  const record: AgreementRecord = {
    slug,
    title: name ?? `ToTA treaty ${treaty.treatyIdentifier}`,
    shortTitle: name,
    kind: /^bilateral/i.test(composition) ? AgreementKind.BILATERAL : AgreementKind.PLURILATERAL,
    types: types.length ? types : [AgreementType.OTHER],
    status,
    dateSigned: treaty.dateSigned,
    dateProvisionallyApplied: null,
    dateInForce: inForceBeforeSignature(treaty) ? null : treaty.dateIntoForce,
    dateTerminated: status === AgreementStatus.TERMINATED ? treaty.dateInactive : null,
    concludedBy: conclusion?.concludedBy ?? null,
    language: treaty.language,
    origin: 'tota',
    composition: treaty.composition,
    regions: [...treaty.regions],
    sourceMeta: {
      fileName: treaty.fileName,
      notification: treaty.notification,
      dateNotification: treaty.dateNotification,
      endImplementation: treaty.endImplementation,
      dateInactive: treaty.dateInactive,
      partiesWto: treaty.partiesWto,
      crossregional: treaty.crossregional,
      relatedAgreementWtoIds: treaty.relatedAgreementWtoIds,
      status: treaty.status,
      type: treaty.type,
    },
    parties: codes.map((code) => ({
      code,
      role: role(code),
      dateJoined: dated.get(code)?.date ?? null,
      dateWithdrawn: null,
      withdrawn: !folded.includes(code) && !current.includes(code),
      signatoryOnly: false,
      // Its own date of entry into force, where a correction gives one (`partiesInForce`).
      ...(treaty.partiesInForce?.dates[code] ? { dateInForce: treaty.partiesInForce.dates[code] } : {}),
      // A bound, not the day (Guatemala in Chile - Central America: 2010-03-23 at the latest).
      ...(treaty.partiesInForce?.atLatest?.includes(code)
        ? { dateInForcePrecision: DatePrecision.AT_LATEST }
        : {}),
    })),
    externalIds: { totaId: treaty.treatyIdentifier, wtoRtaId: treaty.wtoRtaId, destaNumber: null },
    sources: treaty.sources
      // Only links (a ToTA file's `javascript:` or `file:` source was stored and linked by the agreement's page).
      .filter((s) => sourceUrlProblem(s.url) === null)
      .map((s) => ({
        url: s.url,
        language: s.lang,
        kind: s.type === 'annex' ? SourceKind.ANNEX : SourceKind.OFFICIAL_TEXT,
      })),
    factSources: {
      facts: `ToTA v0.5.0, ${treaty.fileName} (meta as given by ToTA, not checked against official texts)`,
      status: totaStatusNote(treaty.status),
      ...foldNote(fold),
      ...conclusionNote(treaty, conclusion),
      ...treaty.corrections,
      ...contradictionNotes(treaty),
      ...partyDateNotes(treaty, codes, dated),
    },
    related: [],
    record: treaty.textLeftOut
      ? { coverage: RecordCoverage.METADATA_ONLY, parts: [] }
      : { coverage: RecordCoverage.FULL_TEXT, parts: totaRecordParts(treaty) },
    provisions: provisionRecords(treaty),
  };
  // Parties that entered into force each on its own day (`partiesInForce`): dated facts, said in the note.
  if (treaty.partiesInForce) withPartyDatesNote(record, treaty.partiesInForce.note, false);
  return record;
}

/**
 * Adds a note to the record's `partyDates`, before its closing "Not counted as bound..." sentence, which a note about
 * parties with no date brings (`undated`); a note about dated facts (a withdrawal's day) adds none.
 */
function withPartyDatesNote(record: AgreementRecord, note: string, undated = true): void {
  const held = record.factSources?.partyDates;
  const closing = /\. Not counted as bound on any date until a source gives one$/;
  const close = undated ? '. Not counted as bound on any date until a source gives one' : '';
  record.factSources = {
    ...record.factSources,
    partyDates: !held
      ? `${note}${close}`
      : closing.test(held)
        ? held.replace(closing, `; ${note}. Not counted as bound on any date until a source gives one`)
        : // Only states dated by their accession instrument so far (`partyDateNotes`).
          `${held}; ${note}${close}`,
  };
}

const destaCite = (code: string, entry: { number: string; name: string; year: string }) =>
  `${code} (DESTA v2.02 entry ${entry.number}, "${entry.name}", ${entry.year})`;

/**
 * Parties ToTA lists among the original ones that DESTA records as acceding later (`laterAccessions`): they joined
 * on a day no source here gives, so they are recorded as acceding with no date, bound on no date, as a party ToTA
 * lists among the current parties only is, and the record says which DESTA entry says so. A state bound through
 * its bloc is `withDestaMemberAccessions`'s.
 */
export function withDestaAccessions(
  record: AgreementRecord,
  later: Map<string, { number: string; name: string; year: string }>,
  dated: (code: string) => TotaAccessionDate | undefined = () => undefined,
): void {
  const named: string[] = [];
  const days: string[] = [];
  for (const party of record.parties) {
    const entry = later.get(party.code);
    if (!entry || party.role !== PartyRole.ORIGINAL) continue;
    party.role = PartyRole.ACCEDED;
    // The day a source gives (`TOTA_ACCESSION_DATES`: Cambodia in AFTA, 1999-04-30), else none.
    const day = dated(party.code);
    party.dateJoined = day?.dateJoined ?? null;
    if (day) days.push(`${destaCite(party.code, entry)} on ${day.dateJoined}: ${day.source}`);
    else named.push(destaCite(party.code, entry));
  }
  if (days.length)
    withPartyDatesNote(
      record,
      `listed by ToTA among the original parties, but acceded after the signature, on the day a source gives: ` +
        days.join('; '),
      false,
    );
  if (!named.length) return;
  withPartyDatesNote(
    record,
    `listed by ToTA among the original parties, but DESTA records their accession after the signature, in a year ` +
      `with no day (the agreement's dates are the original parties'): ${named.join(', ')}`,
  );
}

/**
 * States that joined after ToTA's snapshot, or that its file does not list (`TOTA_LATER_PARTIES`: Venezuela and
 * Bolivia in MERCOSUR): added as acceding, dated only where the sources agree on the day, with a suspension where a
 * source states one (Venezuela since 2017-08-05), and the record says why.
 */
export function withLaterParties(record: AgreementRecord, later: readonly TotaLaterParty[]): void {
  const named: string[] = [];
  for (const c of later) {
    if (record.parties.some((p) => p.code === c.code)) continue;
    record.parties.push({
      code: c.code,
      role: PartyRole.ACCEDED,
      dateJoined: c.dateJoined,
      dateWithdrawn: null,
      withdrawn: false,
      signatoryOnly: false,
      suspendedFrom: c.suspendedFrom ?? null,
      suspensionSource: c.suspensionSource ?? null,
    });
    named.push(`${c.code}: ${c.source}`);
  }
  if (!named.length) return;
  withPartyDatesNote(record, `not listed by ToTA, acceded after the signature: ${named.join('; ')}`);
}

/**
 * Parties ToTA lists among the current ones that left on a day a source gives (`TOTA_WITHDRAWALS`: Venezuela from the
 * Andean Community on 2006-04-22): withdrawn on that day, bound until it, and the record says why. Applied before
 * DESTA's withdrawals, which give a year only.
 */
export function withDatedWithdrawals(record: AgreementRecord, withdrawals: readonly TotaWithdrawal[]): void {
  const named: string[] = [];
  for (const w of withdrawals) {
    const party = record.parties.find((p) => p.code === w.code);
    if (!party || party.withdrawn) continue;
    party.withdrawn = true;
    party.dateWithdrawn = w.dateWithdrawn;
    named.push(`${w.code} on ${w.dateWithdrawn}: ${w.source}`);
  }
  if (!named.length) return;
  withPartyDatesNote(
    record,
    `listed by ToTA among the current parties, but withdrew: ${named.join('; ')}`,
    false,
  );
}

/**
 * A party's participation in the bloc's organs suspended while its rights and obligations stayed
 * (`TOTA_PARTICIPATION_SUSPENSIONS`: Paraguay in MERCOSUR, 2012-06-29 to 2013-08-15): said in the record's note, its
 * binding unchanged.
 */
export function withParticipationSuspensions(
  record: AgreementRecord,
  suspensions: readonly TotaParticipationSuspension[],
): void {
  const named = suspensions
    .filter((s) => record.parties.some((p) => p.code === s.code))
    .map((s) => `${s.code} from ${s.from}${s.until ? ` to ${s.until}` : ''}: ${s.source}`);
  if (!named.length) return;
  withPartyDatesNote(
    record,
    `suspended from participating in the organs and deliberations only, still bound: ${named.join('; ')}`,
    false,
  );
}

/**
 * Parties ToTA lists among the current ones that DESTA records as withdrawing after the signature
 * (`laterWithdrawals`): they left on a day no source here gives, so they are recorded as withdrawn with no date,
 * bound on no date, as a party ToTA lists among the original parties only is, and the record says which DESTA
 * entry says so. A state bound through its bloc is not listed (its membership dates say when it left).
 */
export function withDestaWithdrawals(
  record: AgreementRecord,
  left: Map<string, { number: string; name: string; year: string }>,
): void {
  const named: string[] = [];
  for (const party of record.parties) {
    const entry = left.get(party.code);
    if (!entry || party.withdrawn) continue;
    party.withdrawn = true;
    party.dateWithdrawn = null;
    named.push(destaCite(party.code, entry));
  }
  if (!named.length) return;
  withPartyDatesNote(
    record,
    `listed by ToTA among the current parties, but DESTA records their withdrawal after the signature, in a year ` +
      `with no day: ${named.join(', ')}`,
  );
}

/**
 * ToTA's status is the WTO card's as ToTA copied it in 2017. An agreement it gives as signed only that DESTA v2.02 (a
 * later list) records as entered into force in a year has entered into force: the record says in force, and
 * factSources.status names both sources.
 * - With no date of entry into force in ToTA, none is recorded (DESTA gives the year only), so the parties are
 *   counted as the catalogue counts any agreement in force with no date (`inForceInferred`). EFTA - Philippines
 *   (ToTA pta_446, "Early announcement-Signed"; DESTA 965, in force 2018): the party pages said it did not bind
 *   Switzerland in 2026, and Switzerland's report left it out as not yet applied.
 * - With ToTA's own date of entry into force in the year DESTA gives, that date stands, and only the status
 *   contradicted it (EFTA - GCC, pta_331: 2014-07-01; DESTA 379, 2014): Switzerland's page said "signed".
 * Where DESTA gives another year, the sources disagree, and the record stays as ToTA gives it (`contradictionNotes`).
 */
export function withDestaEntryIntoForce(
  record: AgreementRecord,
  treaty: Pick<TotaTreaty, 'fileName' | 'status' | 'dateIntoForce'>,
  entry: Pick<DestaEntry, 'number' | 'name' | 'entryType' | 'entryForceYear'> | undefined,
): void {
  const year = entry?.entryForceYear;
  if (record.status !== AgreementStatus.SIGNED || !entry || !year) return;
  if (record.dateSigned && year < record.dateSigned.slice(0, 4)) return;
  const dated = record.dateInForce ?? null;
  if (dated ? !dated.startsWith(year) : treaty.dateIntoForce) return;
  const cite = `DESTA v2.02 entry ${entry.number} ("${entry.name}", ${entry.entryType.replace(/_/g, ' ')})`;
  const tota = `ToTA v0.5.0 (2017, ${treaty.fileName}) gives "${treaty.status ?? 'none'}" (signed only), as the WTO card then said`;
  record.status = AgreementStatus.IN_FORCE;
  record.factSources = {
    ...record.factSources,
    status: dated
      ? `In force from ${dated}, the date of entry into force ToTA gives, in the year of entry into force ${year} that ` +
        `${cite} gives; ${tota}, which contradicts both`
      : `In force: ${cite} gives the year of entry into force ${year}, later than ToTA; ${tota}. No source here ` +
        `gives the day, or each party's own date: the parties are counted from the signature, as for any agreement ` +
        `in force with no date`,
  };
}

/**
 * The member states of a bloc party that joined the bloc after the signature (`laterBlocMembers`) and that DESTA
 * records as acceding to the agreement by their own instrument (`laterMemberAccessions`): listed beside the bloc as
 * acceding with no date (DESTA gives a year), so they are bound on the bloc's side from a date no source here
 * gives, not from their entry into the bloc (Croatia joined the EU on 2013-07-01 and the EEA in 2014), and the
 * record says which DESTA entry says so.
 */
export function withDestaMemberAccessions(
  record: AgreementRecord,
  bloc: string,
  later: Map<string, { number: string; name: string; year: string }>,
): void {
  const named: string[] = [];
  for (const [code, entry] of later) {
    if (record.parties.some((p) => p.code === code)) continue;
    record.parties.push({
      code,
      role: PartyRole.ACCEDED,
      dateJoined: null,
      dateWithdrawn: null,
      withdrawn: false,
      signatoryOnly: false,
    });
    named.push(destaCite(code, entry));
  }
  if (!named.length) return;
  // An accession of a member state by its own instrument is what a mixed agreement has: where the text read as
  // the bloc's alone, the two sources disagree (DESTA may count the mixed agreement's protocol for an interim
  // agreement of the bloc alone that stood in for it: EC-Lebanon 2002), and neither is recorded.
  if (record.concludedBy === ConcludedBy.BLOC_ONLY) {
    record.concludedBy = null;
    record.factSources = {
      ...record.factSources,
      concludedBy:
        `Not recorded: ${record.factSources?.concludedBy ?? 'the text reads as the bloc alone'}; but DESTA records ` +
        `member states of ${bloc} acceding by their own instrument, as they do to a mixed agreement (${named.join(', ')})`,
    };
  }
  withPartyDatesNote(
    record,
    `member states of ${bloc} that joined it after the signature and acceded to the agreement by their own ` +
      `instrument, as DESTA records in a year with no day (listed beside ${bloc} as acceding, bound on its side, ` +
      `not from their entry into ${bloc}): ${named.join(', ')}`,
  );
}

/** The member states `foldBlocs` recorded as bound through `bloc` that joined it after the agreement's signature. */
export function laterBlocMembers(
  treaty: Pick<TotaTreaty, 'dateSigned'>,
  fold: FoldResult,
  bloc: BlocFacts,
): string[] {
  const signed = treaty.dateSigned;
  if (!signed || !fold.folded.includes(bloc.code) || fold.constituent) return [];
  return fold.throughBloc.filter((code) => {
    const m = bloc.members.find((x) => x.code === code);
    return Boolean(m?.dateJoined && m.dateJoined > signed);
  });
}

/**
 * The side of the agreement each party is of, where its text applies it only between sides (`TOTA_SIDES`: EFTA -
 * Colombia Art. 1.5, between each EFTA State and Colombia, not among the EFTA States), every party given one, and the
 * record's `factSources.sides` says which article says so. Applied once the parties are all listed (after
 * `withLaterParties` and the bloc members' accessions).
 */
export function withSides(record: AgreementRecord, entry: TotaSides | undefined, fileName: string): void {
  if (!entry) return;
  for (const party of record.parties) party.side = sideOfParty(entry, party.code);
  record.factSources = {
    ...record.factSources,
    sides: `ToTA v0.5.0, ${fileName}, Art. ${articleNumberForm(entry.article)}: ${entry.says}`,
  };
}
