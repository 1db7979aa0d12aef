import { Language } from '../common/i18n';

/** Agreement types (AgreementType) by name; WTO's abbreviations stay the title of what shows them. */
const AGREEMENT_TYPE_NAMES: Record<string, Record<Language, string>> = {
  ASSOCIATION: { en: 'association agreement', fr: 'accord d’association', es: 'acuerdo de asociación' },
  CO_PRODUCTION: {
    en: 'co-production agreement',
    fr: 'accord de coproduction',
    es: 'acuerdo de coproducción',
  },
  CU: { en: 'customs union', fr: 'union douanière', es: 'unión aduanera' },
  CULTURAL_COOPERATION: {
    en: 'cultural cooperation agreement',
    fr: 'accord de coopération culturelle',
    es: 'acuerdo de cooperación cultural',
  },
  DIGITAL_ECONOMY: {
    en: 'digital economy agreement',
    fr: 'accord sur l’économie numérique',
    es: 'acuerdo de economía digital',
  },
  EIA: {
    en: 'economic integration agreement (services)',
    fr: 'accord d’intégration économique (services)',
    es: 'acuerdo de integración económica (servicios)',
  },
  EPA: {
    en: 'economic partnership agreement',
    fr: 'accord de partenariat économique',
    es: 'acuerdo de asociación económica',
  },
  FTA: { en: 'free trade agreement', fr: 'accord de libre-échange', es: 'tratado de libre comercio' },
  INVESTMENT: { en: 'investment agreement', fr: 'accord d’investissement', es: 'acuerdo de inversión' },
  OTHER: { en: 'other', fr: 'autre', es: 'otro' },
  PSA: { en: 'partial scope agreement', fr: 'accord de portée partielle', es: 'acuerdo de alcance parcial' },
};

export function agreementTypeName(lang: Language, type: string): string {
  return AGREEMENT_TYPE_NAMES[type]?.[lang] ?? type;
}
