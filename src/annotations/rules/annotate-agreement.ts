import { BindingForce } from '../annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorAgreement, ProposedAnnotation } from './annotator.types';
import { WHOLE_AGREEMENT_EXEMPTION_RULES } from './cultural-exemption.rules';
import { CARVE_OUT_BY_CREATIVE_ARTS_EXCEPTION_RULE, CARVE_OUT_BY_EXEMPTION_RULE } from './ecommerce.rules';
import { CREATIVE_ARTS_EXCEPTION_RULES } from './policy-space.rules';
import { buildContexts, ProvisionContext } from './provision-context';
import { resolveBindingForce, Rule } from './rule';
import { calibratedConfidence } from './rule-confidence';
import { RULE_SETS, SCREEN, TEXT_SCREENS } from './rule-sets';

/** Every rule, strongest first within each code (the first rule that fires for a code wins). */
export const ANNOTATOR_RULES: readonly Rule[] = RULE_SETS.flatMap((set) => set.rules).sort(
  (a, b) => b.confidence - a.confidence,
);

/**
 * Cheap screen (the rule sets' triggers, `rule-sets.ts`): a provision that names none of them and sits in no
 * e-commerce part cannot get a code.
 */
function passesScreen(context: ProvisionContext): boolean {
  return (
    TEXT_SCREENS.some((screen) => screen.test(context.text.text)) ||
    SCREEN.test(context.articleTitle) ||
    context.inEcommercePart ||
    SCREEN.test(context.chapterTitle) ||
    SCREEN.test(context.sectionTitle)
  );
}

/**
 * Proposes taxonomy codes for the provisions of one agreement: at most one annotation per (provision, code),
 * each with the rule that fired, its evidence in the original text, binding force and confidence.
 */
export function annotateAgreement(
  input: AnnotatorAgreement,
  options: { screen?: boolean } = {},
): ProposedAnnotation[] {
  const steps = annotationSteps(input, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `annotateAgreement` in steps, one provision each, for work that must give the event loop turns (`runInSteps`):
 * a draft check of 4,000 short articles annotated them in one go, 0.7 s during which no other client was answered.
 */
export function* annotationSteps(
  input: AnnotatorAgreement,
  options: { screen?: boolean } = {},
): Generator<void, ProposedAnnotation[]> {
  const annotations: ProposedAnnotation[] = [];
  for (const context of buildContexts(input)) {
    annotations.push(...annotateProvision(context, options.screen !== false));
    yield;
  }
  return [...annotations, ...carveOutsByExemption(annotations)];
}

function annotateProvision(context: ProvisionContext, screen: boolean): ProposedAnnotation[] {
  if (screen && !passesScreen(context)) return [];
  const found = new Map<TaxonomyCodeId, ProposedAnnotation>();
  for (const rule of ANNOTATOR_RULES) {
    if (found.has(rule.code)) continue;
    if (rule.language !== 'any' && !context.languages.includes(rule.language)) continue;
    const hit = rule.apply(context);
    if (!hit) continue;
    found.set(rule.code, {
      ref: context.provision.ref,
      code: rule.code,
      detail: hit.detail ?? [],
      bindingForce: resolveBindingForce(context, hit),
      location: context.location,
      evidence: hit.span ? context.text.evidence(hit.span) : null,
      ruleId: rule.id,
      confidence: calibratedConfidence(rule.id, rule.code),
    });
  }
  // A full exemption is more than policy space (the taxonomy's "short of a full exemption"), and it grants
  // nothing to anyone.
  if (found.has(TaxonomyCodeId.CULTURAL_EXEMPTION)) {
    found.delete(TaxonomyCodeId.POLICY_SPACE_CULTURE);
    found.delete(TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE);
  }
  return [...found.values()];
}

/**
 * A whole-agreement cultural exemption in an agreement that has e-commerce provisions also carves culture out
 * of e-commerce obligations; the code goes on the exemption article (taxonomy: carve-out by reference).
 */
function carveOutsByExemption(annotations: ProposedAnnotation[]): ProposedAnnotation[] {
  if (!annotations.some((annotation) => annotation.code === TaxonomyCodeId.ECOMMERCE_PROVISION)) return [];
  const carvedOut = new Set(
    annotations
      .filter((annotation) => annotation.code === TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT)
      .map((annotation) => annotation.ref),
  );
  const byReference = (annotation: ProposedAnnotation): string | null => {
    if (carvedOut.has(annotation.ref)) return null;
    if (
      annotation.code === TaxonomyCodeId.CULTURAL_EXEMPTION &&
      WHOLE_AGREEMENT_EXEMPTION_RULES.has(annotation.ruleId)
    ) {
      return CARVE_OUT_BY_EXEMPTION_RULE;
    }
    if (
      annotation.code === TaxonomyCodeId.POLICY_SPACE_CULTURE &&
      CREATIVE_ARTS_EXCEPTION_RULES.has(annotation.ruleId)
    ) {
      return CARVE_OUT_BY_CREATIVE_ARTS_EXCEPTION_RULE;
    }
    return null;
  };
  return annotations.flatMap((annotation) => {
    const rule = byReference(annotation);
    if (!rule) return [];
    return [
      {
        ...annotation,
        code: TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT,
        detail: [],
        bindingForce: BindingForce.BINDING,
        ruleId: rule,
        confidence: calibratedConfidence(rule, TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT),
      },
    ];
  });
}
