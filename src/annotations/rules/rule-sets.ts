import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { audiovisualExclusionRules } from './audiovisual-exclusion.rules';
import { conventionRefRules } from './convention-ref.rules';
import { culturalCooperationRules } from './cultural-cooperation.rules';
import { culturalExemptionRules } from './cultural-exemption.rules';
import { ecommerceRules } from './ecommerce.rules';
import { heritageExceptionRules } from './heritage-exception.rules';
import { tolerant } from './patterns';
import { policySpaceRules } from './policy-space.rules';
import { preferentialTreatmentRules } from './preferential-treatment.rules';
import { Rule } from './rule';

/** One rule file (`<name>.rules.ts`): the codes its rules propose, its rules, and the words that let them run. */
export interface RuleSet {
  readonly name: string;
  readonly codes: readonly TaxonomyCodeId[];
  readonly rules: readonly Rule[];
  /**
   * The annotator's cheap screen: a provision whose text, article, chapter or section title matches no set's
   * `triggers` (and that sits in no e-commerce part) is not given to any rule. Registering a set adds its
   * triggers to the screen; `annotateAgreement(..., { screen: false })` runs without it, and the annotator's
   * tests check that every example they code is coded the same with and without it.
   */
  readonly triggers: RegExp;
  /** Matched against the text only (spellings with OCR confusions). */
  readonly textTriggers?: RegExp;
}

/**
 * Every rule set, in the order the annotator tries them (rules are then sorted by confidence; ties keep this
 * order). Adding a code's rules: a file `<code>.rules.ts` and its entry here; a test (`rule-sets.spec.ts`) fails
 * when a taxonomy code has no rules and is not in MANUAL_ONLY_CODES, or when a set names an unknown code.
 */
export const RULE_SETS: readonly RuleSet[] = [
  {
    name: 'convention-ref',
    codes: [TaxonomyCodeId.CONVENTION_REF_EXPLICIT, TaxonomyCodeId.CONVENTION_REF_IMPLICIT],
    rules: conventionRefRules,
    triggers: /unesco|diversit/i,
    // Names of the Convention spelled with OCR confusions or hyphenated words still pass the screen: every name
    // contains "Conv" (Convention, Convención), written tolerantly.
    textTriggers: new RegExp(tolerant('conv'), 'iu'),
  },
  {
    name: 'cultural-exemption',
    codes: [TaxonomyCodeId.CULTURAL_EXEMPTION],
    rules: culturalExemptionRules,
    triggers: /cultur|cultural/i,
  },
  {
    name: 'audiovisual-exclusion',
    codes: [TaxonomyCodeId.AUDIOVISUAL_EXCLUSION],
    rules: audiovisualExclusionRules,
    triggers: /audio|broadcast|radiodif|t[ée]l[ée]vis|cin[ée]m|\bcine\b|\bfilm/i,
  },
  {
    name: 'policy-space',
    codes: [TaxonomyCodeId.POLICY_SPACE_CULTURE],
    rules: policySpaceRules,
    triggers: /cultur|artist|entertainment|esparcimiento|divertissement|media|creativ/i,
  },
  {
    name: 'heritage-exception',
    codes: [TaxonomyCodeId.HERITAGE_EXCEPTION],
    rules: heritageExceptionRules,
    triggers: /treasure|tesoro|tr[ée]sor|heritage|patrimo/i,
  },
  {
    name: 'cultural-cooperation',
    codes: [TaxonomyCodeId.CULTURAL_COOPERATION],
    rules: culturalCooperationRules,
    triggers:
      /cultur|co-?produc|journalist|periodista|heritage|patrimo|monument|mass (?:media|communication)|social communication|comunicaci[oó]n social|medios (?:masivos )?de comunicaci|communication de masse|communication sociale|m[ée]dias/i,
  },
  {
    name: 'preferential-treatment',
    codes: [TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE],
    rules: preferentialTreatmentRules,
    triggers: /cultur|artist/i,
  },
  {
    name: 'ecommerce',
    codes: [TaxonomyCodeId.ECOMMERCE_PROVISION, TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT],
    rules: ecommerceRules,
    triggers: /electr|[ée]lectr|digital|num[ée]ri|paperless|papel|papier|online|internet|e-business/i,
  },
];

/** Codes that only a reviewer gives (no rule proposes them): none today. */
export const MANUAL_ONLY_CODES: readonly TaxonomyCodeId[] = [];

/** The rules of each taxonomy code (empty for a manual-only code). */
export const RULES_BY_CODE: Readonly<Record<TaxonomyCodeId, readonly Rule[]>> = Object.fromEntries(
  Object.values(TaxonomyCodeId).map((code) => [
    code,
    RULE_SETS.flatMap((set) => set.rules.filter((rule) => rule.code === code)),
  ]),
) as unknown as Record<TaxonomyCodeId, readonly Rule[]>;

/** The screen of headings and text: any set's triggers. */
export const SCREEN = new RegExp(RULE_SETS.map((set) => `(?:${set.triggers.source})`).join('|'), 'i');
/** The screen of the text alone: also the sets' text triggers. */
export const TEXT_SCREENS: readonly RegExp[] = [
  SCREEN,
  ...RULE_SETS.flatMap((set) => (set.textTriggers ? [set.textTriggers] : [])),
];
