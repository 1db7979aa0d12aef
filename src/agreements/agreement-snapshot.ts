import { AGREEMENT_FIELDS, fieldsOf } from './agreement-fields';
import { AgreementParty } from './agreement-party.entity';
import { Agreement } from './agreement.entity';
import { AgreementType } from './agreement.enums';

/** A party of an agreement as records and snapshots hold it: the party's code and how it is bound. */
export function partyRecord(p: AgreementParty) {
  return {
    code: p.party.code,
    role: p.role,
    dateJoined: p.dateJoined,
    dateWithdrawn: p.dateWithdrawn,
    withdrawn: p.withdrawn,
    signatoryOnly: p.signatoryOnly,
    dateSigned: p.dateSigned,
    dateProvisionallyApplied: p.dateProvisionallyApplied,
    dateInForce: p.dateInForce,
    dateInForcePrecision: p.dateInForcePrecision,
    suspendedFrom: p.suspendedFrom,
    suspendedUntil: p.suspendedUntil,
    suspensionSource: p.suspensionSource,
    side: p.side,
  };
}

/** The state of an agreement as the audit trail records it (before and after a change). */
export function agreementSnapshot(
  a: Agreement,
  types: AgreementType[],
  parties: AgreementParty[],
): Record<string, unknown> {
  return {
    ...fieldsOf(AGREEMENT_FIELDS, (field) => (field === 'types' ? [...types].sort() : a[field])),
    language: a.language,
    wtoRtaId: a.wtoRtaId,
    destaNumber: a.destaNumber,
    sources: a.sources,
    archivedAt: a.archivedAt?.toISOString() ?? null,
    archiveReason: a.archiveReason,
    parties: parties.map(partyRecord),
    version: a.version,
  };
}
