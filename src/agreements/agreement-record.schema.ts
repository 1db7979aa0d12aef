import { dateRangeProblem, titleProblem } from '../common/text-rules';
import { isSafeProvisionKey, PROVISION_KEY_RULE } from '../provisions/provision-key';
import { z } from 'zod';
import { SIGNATORY_ONLY_CONFLICT, signatoryOnlyConflict } from '../bindings/binding';
import { AnnotationOrigin, AnnotationStatus, BindingForce } from '../annotations/annotation.enums';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { ProvisionField } from '../provisions/provision-fields';
import { AgreementField } from './agreement-fields';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import {
  AgreementKind,
  AgreementStatus,
  AgreementType,
  PartyRole,
  RecordCoverage,
  RecordPart,
  RelationKind,
  SourceKind,
} from './agreement.enums';

/** A real calendar date (rejects 2013-13-45 and 2013-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date')
  .superRefine((s, ctx) => {
    const problem = dateRangeProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A title: trimmed, non-blank, no control or bidirectional-override characters. */
const title = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const problem = titleProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const optionalDate = isoDate.nullish();
const text = z.string().trim().min(1);

export const annotationRecordSchema = z
  .object({
    code: z.enum(TaxonomyCodeId),
    detail: z.array(text).default([]),
    bindingForce: z.enum(BindingForce).nullish(),
    note: z.string().nullish(),
    status: z.enum(AnnotationStatus).default(AnnotationStatus.ACCEPTED),
    origin: z.enum(AnnotationOrigin).default(AnnotationOrigin.MANUAL),
    ruleId: z.string().nullish(),
    confidence: z.number().min(0).max(1).nullish(),
    author: z.string().nullish(),
    partyScope: z.array(z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter party code')).nullish(),
    evidence: z
      .object({ start: z.number().int().min(0), end: z.number().int().min(0), quote: z.string() })
      .nullish(),
  })
  .strict();

/** One schema per provision fact: exactly PROVISION_FIELDS (the compiler checks it), in its order. */
const provisionFactSchemas = {
  key: z.string().refine(isSafeProvisionKey, PROVISION_KEY_RULE),
  location: z.enum(ProvisionLocation),
  chapterNumber: z.string().nullish(),
  chapterTitle: z.string().nullish(),
  sectionNumber: z.string().nullish(),
  sectionTitle: z.string().nullish(),
  articleNumber: z.string().nullish(),
  articleTitle: z.string().nullish(),
  position: z.number().int().nullish(),
  language: z.string().nullish(),
  text: z.string().nullish(),
  summary: z.string().nullish(),
  externalId: z.string().nullish(),
} satisfies Record<ProvisionField, z.ZodType>;

export const provisionRecordSchema = z
  .object({
    ...provisionFactSchemas,
    annotations: z.array(annotationRecordSchema).default([]),
  })
  .strict()
  .superRefine((provision, ctx) => {
    // Evidence must point into the text and quote it, as the API requires of createAnnotation.
    const text = provision.text ?? '';
    provision.annotations.forEach((a, i) => {
      if (!a.evidence) return;
      const { start, end, quote } = a.evidence;
      const path = ['annotations', i, 'evidence'];
      if (!provision.text)
        ctx.addIssue({ code: 'custom', path, message: 'the provision has no text to point into' });
      else if (start >= end || end > text.length)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `offsets ${start}..${end} are outside the text (${text.length} characters)`,
        });
      else if (text.slice(start, end) !== quote)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'quote'],
          message: `is not the text at ${start}..${end}`,
        });
    });
  });

/** One schema per agreement fact: exactly AGREEMENT_FIELDS (the compiler checks it), in its order. */
const agreementFactSchemas = {
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  title,
  shortTitle: title.nullish(),
  kind: z.enum(AgreementKind),
  types: z.array(z.enum(AgreementType)).default([]),
  status: z.enum(AgreementStatus),
  dateSigned: optionalDate,
  dateProvisionallyApplied: optionalDate,
  dateInForce: optionalDate,
  dateTerminated: optionalDate,
} satisfies Record<AgreementField, z.ZodType>;

export const agreementRecordSchema = z
  .object({
    ...agreementFactSchemas,
    language: z.string().nullish(),
    origin: z.string().nullish(),
    composition: z.string().nullish(),
    regions: z.array(z.string()).default([]),
    sourceMeta: z.record(z.string(), z.unknown()).nullish(),
    parties: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter party code'),
            role: z.enum(PartyRole).default(PartyRole.ORIGINAL),
            dateJoined: optionalDate,
            dateWithdrawn: optionalDate,
            withdrawn: z.boolean().default(false),
            signatoryOnly: z.boolean().default(false),
            dateSigned: optionalDate,
            dateProvisionallyApplied: optionalDate,
            dateInForce: optionalDate,
          })
          .strict(),
      )
      .default([]),
    externalIds: z
      .object({
        wtoRtaId: z.string().nullish(),
        totaId: z.string().nullish(),
        destaNumber: z.string().nullish(),
      })
      .strict()
      .default({}),
    sources: z
      .array(z.object({ url: z.url(), language: z.string().nullish(), kind: z.enum(SourceKind) }).strict())
      .default([]),
    factSources: z.record(z.string(), z.string()).nullish(),
    related: z.array(z.object({ slug: z.string(), relation: z.enum(RelationKind) }).strict()).default([]),
    record: z
      .object({ coverage: z.enum(RecordCoverage), parts: z.array(z.enum(RecordPart)).default([]) })
      .strict()
      .nullish(),
    provisions: z.array(provisionRecordSchema).default([]),
  })
  .strict()
  .superRefine((record, ctx) => {
    const keys = new Set<string>();
    record.provisions.forEach((p, i) => {
      if (keys.has(p.key))
        ctx.addIssue({ code: 'custom', path: ['provisions', i, 'key'], message: `duplicate key ${p.key}` });
      keys.add(p.key);
    });
    record.parties.forEach((p, i) => {
      const conflict = signatoryOnlyConflict(p);
      if (conflict)
        ctx.addIssue({ code: 'custom', path: ['parties', i, conflict], message: SIGNATORY_ONLY_CONFLICT });
    });
  });

export type AgreementRecord = z.infer<typeof agreementRecordSchema>;
export type ProvisionRecord = z.infer<typeof provisionRecordSchema>;
export type AnnotationRecord = z.infer<typeof annotationRecordSchema>;

/** Dates that contradict each other (entry into force before signature, termination before entry into force). */
export function dateOrderProblems(
  record: Pick<AgreementRecord, 'dateSigned' | 'dateInForce' | 'dateTerminated'>,
): string[] {
  const order: [string, string | null | undefined][] = [
    ['dateSigned', record.dateSigned],
    ['dateInForce', record.dateInForce],
    ['dateTerminated', record.dateTerminated],
  ];
  const problems: string[] = [];
  for (let i = 1; i < order.length; i++) {
    const [name, value] = order[i];
    const earlier = order.slice(0, i).find(([, v]) => v);
    if (value && earlier && earlier[1]! > value)
      problems.push(`${name} (${value}) is before ${earlier[0]} (${earlier[1]})`);
  }
  return problems;
}

/** Validates a record; the error names the file (or source) and each bad field by its path. */
export function parseAgreementRecord(input: unknown, source: string): AgreementRecord {
  const result = agreementRecordSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
  throw new Error(`${source}: ${problems.join('; ')}`);
}
