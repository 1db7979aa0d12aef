import { Language } from './i18n';
import { REPORT_TEXTS, ReportTextKey, say, text } from '../reports/common/report-texts';

export { regionName } from '../parties/region-names';
export { agreementTypeName } from '../agreements/agreement-type-names';

type Labels = Record<string, Record<Language, string>>;

/** Enum values as words in the interface language; an unknown value is shown as it is. */
const LABELS: Labels = {
  ACCEPTED: { en: 'accepted', fr: 'acceptée', es: 'aceptada' },
  PROPOSED: { en: 'proposed', fr: 'proposée', es: 'propuesta' },
  REJECTED: { en: 'rejected', fr: 'rejetée', es: 'rechazada' },
  IN_FORCE: { en: 'in force', fr: 'en vigueur', es: 'en vigor' },
  PROVISIONALLY_APPLIED: {
    en: 'provisionally applied',
    fr: 'appliqué à titre provisoire',
    es: 'aplicado provisionalmente',
  },
  SIGNED: { en: 'signed', fr: 'signé', es: 'firmado' },
  TERMINATED: { en: 'terminated', fr: 'terminé', es: 'terminado' },
  // ConcludedBy: who concluded the agreement on a bloc's side.
  BLOC_ONLY: {
    en: 'by the bloc alone (a state that joins the bloc later is bound from its entry into it)',
    fr: 'par le bloc seul (un État qui rejoint le bloc plus tard est lié dès son entrée dans celui-ci)',
    es: 'por el bloque solo (un Estado que ingresa después en el bloque queda obligado desde su ingreso)',
  },
  MIXED: {
    en: 'by the bloc and its member states (a state that joins the bloc later is bound by its own accession)',
    fr: 'par le bloc et ses États membres (un État qui rejoint le bloc plus tard est lié par sa propre adhésion)',
    es: 'por el bloque y sus Estados miembros (un Estado que ingresa después en el bloque queda obligado por su propia adhesión)',
  },
  UNDER_NEGOTIATION: { en: 'under negotiation', fr: 'en négociation', es: 'en negociación' },
  BINDING: { en: 'binding', fr: 'contraignante', es: 'vinculante' },
  BEST_ENDEAVOUR: { en: 'best endeavour', fr: 'meilleurs efforts', es: 'mejores esfuerzos' },
  DECLARATORY: { en: 'declaratory', fr: 'déclaratoire', es: 'declarativa' },
  HIGH: { en: 'high', fr: 'élevée', es: 'alta' },
  MEDIUM: { en: 'medium', fr: 'moyenne', es: 'media' },
  LOW: { en: 'low', fr: 'faible', es: 'baja' },
  INFO: { en: 'info', fr: 'info', es: 'info' },
  PARTY: { en: 'party', fr: 'partie', es: 'parte' },
  ORIGINAL: { en: 'original', fr: 'originelle', es: 'original' },
  // A party's role, beside its name (partie originelle, partie adhérente).
  ACCEDED: { en: 'acceded', fr: 'adhérente', es: 'adherente' },
  MANUAL: { en: 'manual', fr: 'manuelle', es: 'manual' },
  RULE: { en: 'rule', fr: 'règle', es: 'regla' },
  // AnnotationOrigin FAMILY: proposed from a reviewer's decision on a near-identical clause.
  FAMILY: { en: 'family', fr: 'famille', es: 'familia' },
  // RelationKind, beside an arrow on the agreement page ("protocol of →"): French and Spanish showed the English.
  PROTOCOL_OF: { en: 'protocol of', fr: 'protocole de', es: 'protocolo de' },
  AMENDS: { en: 'amends', fr: 'modifie', es: 'modifica' },
  SUPERSEDES: { en: 'supersedes', fr: 'remplace', es: 'sustituye' },
  INCORPORATES: { en: 'incorporates', fr: 'incorpore', es: 'incorpora' },
  OPERATIVE: { en: 'operative', fr: 'dispositif', es: 'parte dispositiva' },
  PREAMBLE: { en: 'preamble', fr: 'préambule', es: 'preámbulo' },
  ANNEX: { en: 'annex', fr: 'annexe', es: 'anexo' },
  PROTOCOL: { en: 'protocol', fr: 'protocole', es: 'protocolo' },
  SIDE_LETTER: { en: 'side letter', fr: 'lettre d’accompagnement', es: 'carta complementaria' },
  YEAR: { en: 'year of signature', fr: 'année de signature', es: 'año de firma' },
  REGION: { en: 'region', fr: 'région', es: 'región' },
  AGREEMENT_TYPE: { en: 'agreement type', fr: 'type d’accord', es: 'tipo de acuerdo' },
  DATE_SIGNED: { en: 'date signed', fr: 'date de signature', es: 'fecha de firma' },
  DATE_IN_FORCE: { en: 'date in force', fr: 'date d’entrée en vigueur', es: 'fecha de entrada en vigor' },
  TITLE: { en: 'title', fr: 'titre', es: 'título' },
  SLUG: { en: 'identifier', fr: 'identifiant', es: 'identificador' },
  COUNTRY: { en: 'country', fr: 'pays', es: 'país' },
  // Role: an API key's role, as the review page and the refusals name it (the key itself says REVIEWER).
  READER: { en: 'reader', fr: 'lecteur', es: 'lector' },
  ANNOTATOR: { en: 'annotator', fr: 'annotateur', es: 'anotador' },
  REVIEWER: { en: 'reviewer', fr: 'relecteur', es: 'revisor' },
  EDITOR: { en: 'editor', fr: 'éditeur', es: 'editor' },
  ADMIN: { en: 'administrator', fr: 'administrateur', es: 'administrador' },
  // AgreementKind
  BILATERAL: { en: 'bilateral', fr: 'bilatéral', es: 'bilateral' },
  PLURILATERAL: { en: 'plurilateral', fr: 'plurilatéral', es: 'plurilateral' },
  REGIONAL: { en: 'regional', fr: 'régional', es: 'regional' },
  MULTILATERAL: { en: 'multilateral', fr: 'multilatéral', es: 'multilateral' },
  // SourceKind
  OFFICIAL_TEXT: { en: 'official text', fr: 'texte officiel', es: 'texto oficial' },
  DEPOSITARY: { en: 'depositary', fr: 'dépositaire', es: 'depositario' },
  GOVERNMENT_PAGE: { en: 'government page', fr: 'page gouvernementale', es: 'página gubernamental' },
  WTO_RTA_DATABASE: {
    en: 'WTO RTA database',
    fr: 'base de données ACR de l’OMC',
    es: 'base de datos de ACR de la OMC',
  },
  OTHER: { en: 'other', fr: 'autre', es: 'otra' },
  // ConventionInstrument. The depositary's lists that the corpus follows give one letter for ratification,
  // acceptance and approval (Art. 26's instruments of equal effect), so RATIFICATION names all three.
  RATIFICATION: {
    en: 'ratification, acceptance or approval',
    fr: 'ratification, acceptation ou approbation',
    es: 'ratificación, aceptación o aprobación',
  },
  ACCESSION: { en: 'accession', fr: 'adhésion', es: 'adhesión' },
  SUCCESSION: { en: 'succession', fr: 'succession', es: 'sucesión' },
  BLOC: { en: 'bloc', fr: 'bloc', es: 'bloque' },
};

export function label(lang: Language, value: string | null | undefined): string {
  if (!value) return '';
  return LABELS[value]?.[lang] ?? value.replace(/_/g, ' ').toLowerCase();
}

/** Has `value` words of its own in every language (else `label` shows it as its code in lower case). */
export const hasLabel = (value: string): boolean => Object.hasOwn(LABELS, value);

/** Roles (or any enum values) as words, one or the other: "reviewer / administrator". */
export function labelsText(lang: Language, values: readonly string[]): string {
  return values.map((value) => label(lang, value)).join(' / ');
}

/** A check's outcome (OutcomeState) in English: the English report files keep the codes themselves. */
const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  MET: 'met',
  NOT_MET: 'not met',
  PENDING_REVIEW: 'pending review',
  UNKNOWN: 'unknown',
  NOT_APPLICABLE: 'not applicable',
};

/**
 * A check's outcome in words. In French and Spanish they are the report files' (`outcome.*`, one catalogue for
 * both), which agree with the rule they qualify (règle satisfaite, indéterminée; regla cumplida, indeterminada):
 * the page's own list agreed with nothing in particular ("respectée" beside "inconnu").
 */
export function outcomeName(lang: Language, outcome: string): string {
  const key = `outcome.${outcome}`;
  if (lang === 'en' || !(key in REPORT_TEXTS.en)) return OUTCOME_WORDS[outcome] ?? label(lang, outcome);
  return say(lang, text(key as ReportTextKey)).toLocaleLowerCase(lang);
}

/**
 * A party's status under the Convention (ConventionStatusKind), agreeing with the noun the pages put before it
 * (statut: inconnu; situación: desconocida).
 */
const CONVENTION_STATUS_NAMES: Labels = {
  PARTY: { en: 'party', fr: 'partie', es: 'parte' },
  NOT_PARTY: { en: 'not a party', fr: 'non partie', es: 'no es parte' },
  UNKNOWN: { en: 'unknown', fr: 'inconnu', es: 'desconocida' },
};

export function conventionStatusName(lang: Language, status: string): string {
  return CONVENTION_STATUS_NAMES[status]?.[lang] ?? label(lang, status);
}

/** World Bank income groups (IncomeGroup) by name: HIGH and LOW are also severities, which read otherwise. */
const INCOME_GROUP_NAMES: Labels = {
  HIGH: { en: 'high income', fr: 'revenu élevé', es: 'ingreso alto' },
  UPPER_MIDDLE: {
    en: 'upper middle income',
    fr: 'revenu intermédiaire, tranche supérieure',
    es: 'ingreso mediano alto',
  },
  LOWER_MIDDLE: {
    en: 'lower middle income',
    fr: 'revenu intermédiaire, tranche inférieure',
    es: 'ingreso mediano bajo',
  },
  LOW: { en: 'low income', fr: 'faible revenu', es: 'ingreso bajo' },
};

export function incomeGroupName(lang: Language, group: string | null | undefined): string {
  return group ? (INCOME_GROUP_NAMES[group]?.[lang] ?? label(lang, group)) : '';
}

/**
 * Preferential-treatment mechanisms (the flows' `mechanism`, the annotation detail) by name: the words the flows
 * report writes (`mechanism.*` in reports/common/report-texts.ts), one catalogue for both.
 */
export function mechanismName(lang: Language, mechanism: string): string {
  const key = `mechanism.${mechanism}`;
  return key in REPORT_TEXTS.en ? say(lang, text(key as ReportTextKey)) : label(lang, mechanism);
}
