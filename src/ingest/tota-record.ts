import { AgreementRecord, ProvisionRecord } from '../agreements/agreement-record.schema';
import {
  AgreementKind,
  AgreementStatus,
  AgreementType,
  PartyRole,
  SourceKind,
} from '../agreements/agreement.enums';
import { articleKey } from '../common/slug';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { TotaTreaty } from './tota/tota-treaty';
import { totaProvisions } from './tota/tota-provisions';

/** A bloc and its members with their dates, to fold member states listed one by one into the bloc. */
export interface BlocFacts {
  code: string;
  /** Words in an agreement's name that show the bloc is the party (e.g. EU, EC, European Union). */
  namePattern: RegExp;
  members: { code: string; dateJoined: string | null; dateLeft: string | null }[];
}

/** The names under which the European Union appears in ToTA agreement names. */
const EU_NAME = /\b(EU|EC|EEC|European Union|European Communit(y|ies))\b/;

/** The European Union as ToTA shows it: its member states listed one by one in agreements named after it. */
export function euBloc(members: BlocFacts['members']): BlocFacts {
  return { code: 'EUN', namePattern: EU_NAME, members };
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

function membersOn(bloc: BlocFacts, date: string | null): string[] {
  return bloc.members
    .filter(
      (m) => (!date || !m.dateJoined || m.dateJoined <= date) && (!date || !m.dateLeft || m.dateLeft > date),
    )
    .map((m) => m.code);
}

/**
 * ToTA lists the European Union's member states one by one. When an agreement's name shows the bloc is a
 * party and every member state at signature is listed, the members are replaced by the bloc (whose
 * membership dates then say which states are bound when).
 */
function foldBlocs(
  treaty: TotaTreaty,
  codes: string[],
  blocs: BlocFacts[],
): { codes: string[]; folded: string[] } {
  for (const bloc of blocs) {
    if (!bloc.namePattern.test(treaty.name ?? '')) continue;
    const members = membersOn(bloc, treaty.dateSigned);
    if (members.length && members.every((m) => codes.includes(m))) {
      return { codes: [bloc.code, ...codes.filter((c) => !members.includes(c))], folded: [bloc.code] };
    }
  }
  return { codes, folded: [] };
}

function provisionRecords(treaty: TotaTreaty): ProvisionRecord[] {
  const used = new Set<string>();
  return totaProvisions(treaty).map((p) => {
    let key =
      p.location === ProvisionLocation.PREAMBLE
        ? 'preamble'
        : p.articleNumber
          ? articleKey(p.articleNumber)
          : `tota-${p.ref}`;
    if (used.has(key)) key = `${key}-tota-${p.ref}`;
    used.add(key);
    return {
      key,
      location: p.location,
      chapterNumber: p.chapterNumber,
      chapterTitle: p.chapterTitle,
      articleNumber: p.articleNumber,
      articleTitle: p.articleTitle,
      position: p.order + 1,
      language: treaty.language,
      text: p.text,
      externalId: p.ref,
      annotations: [],
    };
  });
}

/** Maps a parsed ToTA treaty onto the catalogue's agreement record (slug chosen by the caller). */
export function totaRecord(treaty: TotaTreaty, slug: string, blocs: BlocFacts[]): AgreementRecord {
  const original = [...treaty.partiesOriginal];
  const current = treaty.parties.length ? [...treaty.parties] : original;
  const all = [...new Set([...original, ...current])];
  const { codes, folded } = foldBlocs(treaty, all, blocs);
  const status = STATUSES[(treaty.status ?? '').toLowerCase()] ?? AgreementStatus.SIGNED;
  const types = (treaty.type ?? '')
    .split('&')
    .map((t) => TYPES[t.trim().toLowerCase()])
    .filter((t): t is AgreementType => Boolean(t));
  const composition = treaty.composition ?? '';
  return {
    slug,
    title: treaty.name ?? `ToTA treaty ${treaty.treatyIdentifier}`,
    shortTitle: treaty.name,
    kind: /^bilateral/i.test(composition) ? AgreementKind.BILATERAL : AgreementKind.PLURILATERAL,
    types: types.length ? types : [AgreementType.OTHER],
    status,
    dateSigned: treaty.dateSigned,
    dateProvisionallyApplied: null,
    dateInForce: treaty.dateIntoForce,
    dateTerminated: status === AgreementStatus.TERMINATED ? treaty.dateInactive : null,
    language: treaty.language,
    origin: 'tota',
    composition: treaty.composition,
    regions: [...treaty.regions],
    sourceMeta: {
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
      role:
        folded.includes(code) || original.includes(code) || !original.length
          ? PartyRole.ORIGINAL
          : PartyRole.ACCEDED,
      dateJoined: null,
      dateWithdrawn: null,
      withdrawn: !folded.includes(code) && !current.includes(code),
    })),
    externalIds: { totaId: treaty.treatyIdentifier, wtoRtaId: treaty.wtoRtaId, destaNumber: null },
    sources: treaty.sources
      .filter((s) => URL.canParse(s.url))
      .map((s) => ({
        url: s.url,
        language: s.lang,
        kind: s.type === 'annex' ? SourceKind.ANNEX : SourceKind.OFFICIAL_TEXT,
      })),
    factSources: {
      facts: `ToTA v0.5.0, ${treaty.fileName} (meta as given by ToTA, not checked against official texts)`,
      ...(folded.length
        ? {
            parties: `ToTA parties; the member states listed one by one are recorded as ${folded.join(', ')}`,
          }
        : {}),
    },
    related: [],
    provisions: provisionRecords(treaty),
  };
}
