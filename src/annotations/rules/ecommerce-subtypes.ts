import { EcommerceSubtype } from '../annotation.enums';
import { anyOf, Span, stem } from './patterns';
import { ProvisionContext } from './provision-context';

// Subtypes of ECOMMERCE_PROVISION. One pattern per subtype covers English, Spanish and French; the article
// title, when it names a subtype, gives the main one.

const SUBTYPE_PATTERNS: [EcommerceSubtype, RegExp][] = [
  [
    EcommerceSubtype.CUSTOMS_DUTIES,
    stem(
      anyOf(
        'customs dut(?:y|ies)[^.]{0,160}(?:electronic(?:ally)? (?:transmi|deliver|means)|digital products|transmitted electronically)',
        '(?:electronic (?:transmissions?|deliveries)|deliveries by electronic means|digital products)[^.]{0,160}customs dut',
        '(?:derechos aduaneros|aranceles aduaneros)[^.]{0,160}(?:transmisi(?:ó|o)n(?:es)? electr|productos digitales)',
        'droits de douane[^.]{0,160}(?:transmissions? (?:é|e)lectroniques|produits num(?:é|e)riques)',
      ),
    ),
  ],
  [
    EcommerceSubtype.DIGITAL_PRODUCTS_NON_DISCRIMINATION,
    stem(
      anyOf(
        'less favou?rable treatment[^.]{0,200}digital products',
        'non-discriminatory treatment of digital products',
        'trato no(?:-| )discriminatorio de (?:los )?productos digitales',
        'trato menos favorable[^.]{0,200}productos digitales',
        'traitement moins favorable[^.]{0,200}produits num(?:é|e)riques',
      ),
    ),
  ],
  [
    EcommerceSubtype.DATA_FLOWS,
    stem(
      anyOf(
        'cross-border (?:transfers?|flows?) of (?:information|data)',
        'transfer of information by electronic means',
        '(?:information|data) flows',
        'transferencia transfronteriza de (?:información|informacion|datos)',
        'flujos? (?:transfronterizos? )?de (?:información|informacion|datos)',
        'transferts? transfronti(?:è|e)res? (?:de données|d.informations)',
        'flux (?:transfronti(?:è|e)res )?de données',
      ),
    ),
  ],
  [
    EcommerceSubtype.DATA_LOCALISATION,
    stem(
      anyOf(
        'computing facilities',
        'locali[sz]ation of (?:data|servers)',
        'instalaciones inform(?:á|a)ticas',
        'installations informatiques',
      ),
    ),
  ],
  [
    EcommerceSubtype.PERSONAL_DATA,
    stem(
      anyOf(
        'personal (?:data|information)',
        'data protection',
        'protection of (?:the )?privacy',
        'datos personales',
        'informaci(?:ó|o)n personal',
        'protecci(?:ó|o)n de datos',
        'données (?:à caractère )?personnel',
        'protection des données',
      ),
    ),
  ],
  [EcommerceSubtype.CONSUMER_PROTECTION, stem(anyOf('consumer', 'consumidor', 'consommat'))],
  [
    EcommerceSubtype.AUTHENTICATION,
    stem(
      anyOf(
        'electronic (?:signatures?|authentication)',
        'e-signatures?',
        'digital (?:certificates?|signatures?)',
        'firmas? (?:electr(?:ó|o)nicas?|digital(?:es)?)',
        'autenticaci(?:ó|o)n electr(?:ó|o)nica',
        'certificados? digital(?:es)?',
        'signatures? (?:é|e)lectroniques?',
        'authentification (?:é|e)lectronique',
      ),
    ),
  ],
  [
    EcommerceSubtype.PAPERLESS_TRADE,
    stem(
      anyOf(
        'paperless',
        'trade administration documents',
        'electronic (?:versions?|forms?) of (?:trade |such )?(?:administration )?documents',
        'sin papel(?:es)?',
        'documentos de administraci(?:ó|o)n del comercio',
        'sans papier',
        'd(?:é|e)mat(?:é|e)rialis',
      ),
    ),
  ],
  [
    EcommerceSubtype.SPAM,
    stem(
      anyOf(
        'unsolicited (?:commercial )?(?:electronic )?(?:messages|communications|e-?mails?)',
        'spam',
        'mensajes (?:comerciales )?electr(?:ó|o)nicos (?:comerciales )?no solicitados',
        'communications? (?:commerciales )?(?:é|e)lectroniques? non sollicit',
      ),
    ),
  ],
  [
    EcommerceSubtype.COOPERATION,
    stem(
      anyOf(
        'co-?operat(?:e|ion)',
        'regulatory (?:dialogue|issues)',
        'dialogue',
        'exchange (?:of )?information',
        'share (?:information|experiences?)',
        'cooperar',
        'cooperaci(?:ó|o)n',
        'coop(?:é|e)r(?:er|ation)',
      ),
    ),
  ],
  [
    EcommerceSubtype.DEFINITIONS_SCOPE,
    stem(
      anyOf(
        'for the purposes of this (?:Chapter|Section)',
        'this (?:Chapter|Section) (?:shall )?(?:appl(?:y|ies)|does not apply)',
        'para (?:los )?efectos de este Cap(?:í|i)tulo',
        'este Cap(?:í|i)tulo (?:se aplicar(?:á|a)|no se aplica)',
        'aux fins du pr(?:é|e)sent chapitre',
      ),
    ),
  ],
];

const TITLE_SUBTYPES: [RegExp, EcommerceSubtype][] = [
  [
    /definition|scope|coverage|exception|exclusion|definici|[áa]mbito|d[ée]finition|champ/i,
    EcommerceSubtype.DEFINITIONS_SCOPE,
  ],
  [/customs dut|derechos aduaneros|droits de douane/i, EcommerceSubtype.CUSTOMS_DUTIES],
  [
    /digital products|productos digitales|produits num/i,
    EcommerceSubtype.DIGITAL_PRODUCTS_NON_DISCRIMINATION,
  ],
  [
    /transfer of information|information flows?|transferencia transfronteriza|flujo/i,
    EcommerceSubtype.DATA_FLOWS,
  ],
  [
    /computing facilities|instalaciones inform|installations informatiques/i,
    EcommerceSubtype.DATA_LOCALISATION,
  ],
  [
    /personal (?:data|information)|privacy|datos personales|informaci[oó]n personal|donn[ée]es/i,
    EcommerceSubtype.PERSONAL_DATA,
  ],
  [/consumer|consumidor|consommat/i, EcommerceSubtype.CONSUMER_PROTECTION],
  [/authentication|signature|autenticaci|firma|authentification/i, EcommerceSubtype.AUTHENTICATION],
  [/paperless|sin papel|sans papier/i, EcommerceSubtype.PAPERLESS_TRADE],
  [/unsolicited|spam|no solicitad|non sollicit/i, EcommerceSubtype.SPAM],
  [/co-?operation|cooperaci[oó]n|coop[ée]ration|dialogue/i, EcommerceSubtype.COOPERATION],
  [
    /^general(?: provisions)?$|disposiciones generales|dispositions g[ée]n[ée]rales|dispute|controversias|transparen|publication|relation|source code|c[oó]digo fuente|domestic|electronic transactions|transacciones electr|internet|interconnection/i,
    EcommerceSubtype.OTHER,
  ],
];

export interface SubtypeFinding {
  /** Main subtype first. */
  readonly subtypes: EcommerceSubtype[];
  /** Where the first subtype found in the text is named, if any. */
  readonly span: Span | null;
}

/**
 * Subtypes in the order the text raises them, except that a ban on customs duties (the chapter's hardest
 * obligation), or else the title's subject, comes first. OTHER alone when nothing specific is found.
 */
export function ecommerceSubtypes(context: ProvisionContext): SubtypeFinding {
  const found: { subtype: EcommerceSubtype; span: Span }[] = [];
  for (const [subtype, pattern] of SUBTYPE_PATTERNS) {
    const span = context.text.findFirst(pattern);
    if (span) found.push({ subtype, span });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  const inTextOrder = found.map((item) => item.subtype);
  const fromTitle = TITLE_SUBTYPES.find(([pattern]) => pattern.test(context.articleTitle))?.[1];
  const lead = inTextOrder.includes(EcommerceSubtype.CUSTOMS_DUTIES)
    ? EcommerceSubtype.CUSTOMS_DUTIES
    : fromTitle;
  const subtypes = lead ? [lead, ...inTextOrder.filter((subtype) => subtype !== lead)] : inTextOrder;
  return {
    subtypes: subtypes.length > 0 ? subtypes : [EcommerceSubtype.OTHER],
    span: found[0]?.span ?? null,
  };
}
