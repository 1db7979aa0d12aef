import { PreferentialMechanism } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { anyOf, stem, test, words } from './patterns';
import { ProvisionContext, Topic } from './provision-context';
import { findPair, pairRule, Rule, ruleId } from './rule';

const CODE = TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE;

// Preferential treatment counts only where cultural goods, services, artists or professionals of a
// developing-country party benefit; the agreement must have such a party (taxonomy decision). Reciprocal
// cooperation inside a culture chapter is CULTURAL_COOPERATION, not preference.

function eligible(context: ProvisionContext): boolean {
  return (
    context.agreement.hasDevelopingParty &&
    context.location !== ProvisionLocation.PREAMBLE &&
    !context.placeTopics.has(Topic.PROCUREMENT) &&
    !context.placeTopics.has(Topic.INTELLECTUAL_PROPERTY)
  );
}

/** Outside culture chapters and culture articles, where reciprocal cooperation is not a preference. */
function eligibleOutsideCulture(context: ProvisionContext): boolean {
  return (
    eligible(context) && !context.placeTopics.has(Topic.CULTURE) && !context.titleTopics.has(Topic.CULTURE)
  );
}

const MOBILITY: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'contractual services? suppliers?',
      'independent professionals',
      'entry and temporary stay',
      'temporary (?:entry|stay|presence)',
      'business visitors',
      'presence of natural persons',
    ),
  ),
  es: stem(
    anyOf(
      'proveedores de servicios contractuales',
      'profesionales independientes',
      'entrada (?:y (?:estancia|permanencia) )?temporal',
      'presencia temporal',
    ),
  ),
  fr: stem(
    anyOf(
      'fournisseurs de services contractuels',
      'professionnels ind(?:é|e)pendants',
      '(?:admission|entr(?:é|e)e) et (?:le )?s(?:é|e)jour temporaires?',
      'pr(?:é|e)sence temporaire',
    ),
  ),
};

const ARTISTS: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'entertainment services',
      'artists?',
      'performers',
      'musicians',
      'cultural (?:professionals|practitioners|workers)',
      'performing arts',
    ),
  ),
  es: words(
    anyOf('servicios de (?:esparcimiento|entretenimiento)', 'artistas', 'int(?:é|e)rpretes', 'm(?:ú|u)sicos'),
  ),
  fr: words(anyOf('services de (?:divertissement|spectacles?)', 'artistes', 'musiciens')),
};

/** The entry commitment is granted, not merely reaffirmed or promoted. */
const GRANTS_ENTRY: Record<AnnotatorLanguage, RegExp> = {
  en: words('shall (?:allow|grant|permit|accord)|commitments?|(?:is|are) allowed'),
  es: stem('permitir(?:á|a)n?|otorgar(?:á|a)n?|conceder(?:á|a)n?|compromisos?'),
  fr: stem('autorise(?:nt|ra|ront)?|accorde(?:nt|ra|ront)?|engagements?'),
};

const ASSISTANCE: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'technical (?:assistance|co-?operation)',
      'capacity(?:-| )building',
      '(?:export|supply|productive) capacity',
      '(?:financial|technical) (?:and technical )?(?:support|assistance)',
      'support (?:for|to) the (?:development|export|promotion|marketing)',
    ),
  ),
  es: stem(
    anyOf(
      'asistencia t(?:é|e)cnica',
      'fortalecimiento de (?:las )?capacidades',
      'creaci(?:ó|o)n de capacidades',
      'capacidad exportadora',
    ),
  ),
  fr: stem(
    anyOf('assistance technique', 'renforcement des capacit(?:é|e)s', "capacit(?:é|e)s? d'exportation"),
  ),
};

const CULTURAL_TRADE: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'cultural (?:services|industr(?:y|ies)|goods|products|sectors?|enterprises)',
      'creative industries',
      'audio-? ?visual (?:sector|industry|services)',
    ),
  ),
  es: words(
    anyOf('(?:servicios|industrias|bienes|productos) culturales', 'sector cultural', 'industrias creativas'),
  ),
  fr: words(
    anyOf(
      '(?:services|industries|biens|produits) culturels',
      'secteur culturel',
      'industries cr(?:é|e)atives',
    ),
  ),
};

const MARKET_ACCESS: Record<AnnotatorLanguage, RegExp> = {
  en: words('market access|preferential (?:treatment|access)|special and differential treatment|duty-free'),
  es: stem('acceso a(?:l)? mercado|trato (?:preferencial|especial y diferenciado)'),
  fr: stem(
    'acc(?:è|e)s au(?:x)? march(?:é|e)s?|traitement (?:pr(?:é|e)f(?:é|e)rentiel|sp(?:é|e)cial et diff(?:é|e)renci(?:é|e))',
  ),
};

const CO_PRODUCTION: Record<AnnotatorLanguage, RegExp> = {
  en: words('co-?productions?'),
  es: stem('coproducci(?:ó|o)n'),
  fr: stem('coproductions?'),
};
const COUNTED_AS_LOCAL: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    '(?:treated|considered|regarded|deemed) (?:as|to be)|qualify|eligible|benefit|national (?:works|productions?)|local content|quotas?',
  ),
  es: stem('(?:consideradas?|tratadas?) como|beneficiar|cuotas?|obras nacionales'),
  fr: stem(
    '(?:consid(?:é|e)r(?:é|e)es?|trait(?:é|e)es?) comme|b(?:é|e)n(?:é|e)ficier|quotas?|(?:œ|oe)uvres (?:nationales|europ(?:é|e)ennes)',
  ),
};

function rulesFor(language: AnnotatorLanguage): Rule[] {
  return [
    {
      id: ruleId(CODE, language, 'entry-of-artists-and-entertainment-suppliers'),
      code: CODE,
      language,
      confidence: 0.8,
      why: 'opens entry and temporary stay to artists or suppliers of entertainment services (agreement with a developing-country party)',
      apply(context) {
        if (!eligibleOutsideCulture(context) || !test(GRANTS_ENTRY[language], context.text.text)) return null;
        const span = findPair(context, MOBILITY[language], ARTISTS[language], 3000, true);
        return span ? { span, detail: [PreferentialMechanism.ARTIST_MOBILITY] } : null;
      },
    },
    pairRule({
      code: CODE,
      language,
      name: 'assistance-for-cultural-industries',
      confidence: 0.75,
      why: 'technical assistance or capacity building for cultural industries or services (agreement with a developing-country party)',
      when: eligibleOutsideCulture,
      first: ASSISTANCE[language],
      second: CULTURAL_TRADE[language],
      maxGap: 400,
      anyOrder: true,
      detail: [PreferentialMechanism.TECHNICAL_ASSISTANCE],
    }),
    pairRule({
      code: CODE,
      language,
      name: 'market-access-for-cultural-goods-and-services',
      confidence: 0.7,
      why: 'preferential market access for cultural goods or services (agreement with a developing-country party)',
      when: eligibleOutsideCulture,
      first: MARKET_ACCESS[language],
      second: CULTURAL_TRADE[language],
      maxGap: 200,
      anyOrder: true,
      detail: [PreferentialMechanism.MARKET_ACCESS],
    }),
    pairRule({
      code: CODE,
      language,
      name: 'co-productions-counted-as-local',
      confidence: 0.7,
      why: 'co-productions benefit from treatment as national or local works (agreement with a developing-country party)',
      when: eligible,
      first: CO_PRODUCTION[language],
      second: COUNTED_AS_LOCAL[language],
      maxGap: 200,
      anyOrder: true,
      detail: [PreferentialMechanism.CO_PRODUCTION],
    }),
  ];
}

export const preferentialTreatmentRules: Rule[] = (['en', 'es', 'fr'] as const).flatMap(rulesFor);
