import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { bindingForceOf } from './binding-force';
import { AnnotatorLanguage } from './language';
import { Span, test } from './patterns';
import { ProvisionContext } from './provision-context';

export interface RuleHit {
  /** Normalised-text span of the words that justify the code; null when the context alone decides. */
  readonly span: Span | null;
  readonly detail?: string[];
  /** Overrides the binding force read from the verbs of the sentence around the span. */
  readonly bindingForce?: BindingForce;
}

/** One rule: data plus a small function, with a stable id CODE/language/name and a reason a reviewer can read. */
export interface Rule {
  readonly id: string;
  readonly code: TaxonomyCodeId;
  /** 'any' for rules that look only at context (headings, agreement facts). */
  readonly language: AnnotatorLanguage | 'any';
  /**
   * Ordering weight among the rules of one code (the first that fires wins). The confidence a proposal carries
   * is not this: it is the rule's measured precision (rule-confidence.ts, `npm run calibrate`).
   */
  readonly confidence: number;
  readonly why: string;
  apply(context: ProvisionContext): RuleHit | null;
}

type Guard = (context: ProvisionContext) => boolean;

interface RuleBase {
  readonly code: TaxonomyCodeId;
  readonly language: AnnotatorLanguage;
  readonly name: string;
  readonly confidence: number;
  readonly why: string;
  /** The rule runs only where this holds (context: chapter, location, agreement facts). */
  readonly when?: Guard;
  /** A hit is dropped when its sentence matches this. */
  readonly unlessSentence?: RegExp;
  readonly bindingForce?: BindingForce;
  readonly detail?: string[];
}

export function ruleId(code: TaxonomyCodeId, language: AnnotatorLanguage | 'any', name: string): string {
  return `${code}/${language}/${name}`;
}

/** Fires on the first match of `pattern` whose sentence does not match `unlessSentence`. */
export function phraseRule(spec: RuleBase & { readonly pattern: RegExp }): Rule {
  return {
    id: ruleId(spec.code, spec.language, spec.name),
    code: spec.code,
    language: spec.language,
    confidence: spec.confidence,
    why: spec.why,
    apply(context) {
      if (spec.when && !spec.when(context)) return null;
      for (const span of context.text.find(spec.pattern)) {
        if (spec.unlessSentence && test(spec.unlessSentence, context.text.sentenceText(span))) continue;
        return { span, detail: spec.detail, bindingForce: spec.bindingForce };
      }
      return null;
    },
  };
}

/**
 * Fires when a match of `first` and a match of `second` sit in the same sentence, at most `maxGap` characters
 * apart (`second` after `first` unless `anyOrder`). The evidence covers both.
 */
export function pairRule(
  spec: RuleBase & {
    readonly first: RegExp;
    readonly second: RegExp;
    readonly maxGap: number;
    readonly anyOrder?: boolean;
  },
): Rule {
  return {
    id: ruleId(spec.code, spec.language, spec.name),
    code: spec.code,
    language: spec.language,
    confidence: spec.confidence,
    why: spec.why,
    apply(context) {
      if (spec.when && !spec.when(context)) return null;
      const span = findPair(
        context,
        spec.first,
        spec.second,
        spec.maxGap,
        spec.anyOrder ?? false,
        spec.unlessSentence,
      );
      return span ? { span, detail: spec.detail, bindingForce: spec.bindingForce } : null;
    },
  };
}

export function findPair(
  context: ProvisionContext,
  first: RegExp,
  second: RegExp,
  maxGap: number,
  anyOrder: boolean,
  unlessSentence?: RegExp,
): Span | null {
  const seconds = context.text.find(second);
  if (seconds.length === 0) return null;
  // The closest valid pair: its evidence is the tightest.
  let best: { span: Span; gap: number } | null = null;
  for (const a of context.text.find(first)) {
    for (const b of seconds) {
      const gap = b.start >= a.end ? b.start - a.end : anyOrder && a.start >= b.end ? a.start - b.end : -1;
      if (gap < 0 || gap > maxGap || (best && gap >= best.gap)) continue;
      const span = { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
      const sentence = context.text.sentenceAround(a);
      if (span.start < sentence.start || span.end > sentence.end) continue;
      if (unlessSentence && test(unlessSentence, context.text.sentenceText(span))) continue;
      best = { span, gap };
    }
  }
  return best?.span ?? null;
}

/** A rule decided by context alone (headings, agreement facts), with an optional evidence finder. */
export function contextRule(spec: {
  readonly code: TaxonomyCodeId;
  readonly name: string;
  readonly confidence: number;
  readonly why: string;
  readonly when: Guard;
  readonly hit: (context: ProvisionContext) => RuleHit;
}): Rule {
  return {
    id: ruleId(spec.code, 'any', spec.name),
    code: spec.code,
    language: 'any',
    confidence: spec.confidence,
    why: spec.why,
    apply: (context) => (spec.when(context) ? spec.hit(context) : null),
  };
}

/** Binding force of a hit: preamble text is declaratory; otherwise the rule's value or the sentence's verbs. */
export function resolveBindingForce(context: ProvisionContext, hit: RuleHit): BindingForce {
  if (context.location === ProvisionLocation.PREAMBLE) return BindingForce.DECLARATORY;
  if (hit.bindingForce) return hit.bindingForce;
  const text = hit.span ? context.text.sentenceText(hit.span) : context.text.text;
  return bindingForceOf(text, context.language);
}
