import { LIST_BOUNDS } from '../common/list-cost';
import { today } from '../common/dates';
import {
  charactersFor,
  dateRangeProblem,
  MAX_INPUT_DEPTH,
  NESTING_PROBLEM,
  provisionPositionProblem,
  titleForm,
  titleProblem,
  unstorableProblem,
} from '../common/text-rules';
import { isSafeProvisionKey, PROVISION_KEY_RULE } from '../provisions/provision-key';
import { articleNumberForm } from '../provisions/article-number';
import { z } from 'zod';
import { SIGNATORY_ONLY_CONFLICT, signatoryOnlyConflict } from '../bindings/binding';
import { AnnotationOrigin, AnnotationStatus, BindingForce } from '../annotations/annotation.enums';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { ProvisionField } from '../provisions/provision-fields';
import { AgreementField } from './agreement-fields';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import {
  AgreementKind,
  ConcludedBy,
  AgreementStatus,
  DatePrecision,
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

/**
 * A title, or a label shown beside one (an article, chapter or section number, an external id): trimmed and
 * composed (`titleForm`),
 * non-blank, no control, invisible or bidirectional-override characters.
 */
const title = z
  .string()
  .transform((s) => titleForm(s) as string)
  .superRefine((s, ctx) => {
    const problem = titleProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const optionalDate = isoDate.nullish();
/** An ISO 639 code, as the API takes it (`en`, `es`, `fra`). */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as en');
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
  chapterNumber: title.nullish(),
  chapterTitle: title.nullish(),
  sectionNumber: title.nullish(),
  sectionTitle: title.nullish(),
  articleNumber: title.transform(articleNumberForm).nullish(),
  articleTitle: title.nullish(),
  position: z
    .number()
    .superRefine((position, ctx) => {
      const problem = provisionPositionProblem(position);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullish(),
  language: languageCode.nullish(),
  text: z.string().nullish(),
  summary: z.string().nullish(),
  externalId: title.nullish(),
} satisfies Record<ProvisionField, z.ZodType>;

export const provisionRecordSchema = z
  .object({
    ...provisionFactSchemas,
    annotations: z.array(annotationRecordSchema).default([]),
  })
  .strict()
  .superRefine((provision, ctx) => {
    // The API's createAnnotation holds a provision to LIST_BOUNDS.provisionAnnotations, which its list is charged by.
    const annotations = provision.annotations.length;
    if (annotations > LIST_BOUNDS.provisionAnnotations)
      ctx.addIssue({
        code: 'custom',
        path: ['annotations'],
        message: `lists ${annotations.toLocaleString('en')} annotations; a provision holds ${LIST_BOUNDS.provisionAnnotations} at most`,
      });
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
  concludedBy: z.enum(ConcludedBy).nullish(),
} satisfies Record<AgreementField, z.ZodType>;

/**
 * A party of an agreement as a record gives it: the facts of its row (`AgreementParty`), the same at every door
 * (`partyRecord`, `agreementPartyValues`, the record reader; `field-lists.spec.ts` checks they list the same).
 */
export const agreementPartyRecordSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter party code'),
    role: z.enum(PartyRole).default(PartyRole.ORIGINAL),
    dateJoined: optionalDate,
    dateWithdrawn: optionalDate,
    // Left out: follows from dateWithdrawn (a date means withdrawn); false beside a date is refused.
    withdrawn: z.boolean().optional(),
    signatoryOnly: z.boolean().default(false),
    dateSigned: optionalDate,
    dateProvisionallyApplied: optionalDate,
    dateInForce: optionalDate,
    // How precise dateInForce is: EXACT (its day, the default) or AT_LATEST (a bound: in force on that day at the latest).
    dateInForcePrecision: z.enum(DatePrecision).nullish(),
    // Rights and obligations suspended (from, lifted on), with where that is stated.
    suspendedFrom: optionalDate,
    suspendedUntil: optionalDate,
    suspensionSource: z.string().trim().min(1).nullish(),
    // The side of the agreement it is of, where the text applies it only between sides (`sameSide`).
    side: z.string().trim().min(1).max(200).nullish(),
  })
  .strict();

export const agreementRecordSchema = z
  .object({
    ...agreementFactSchemas,
    language: languageCode.nullish(),
    origin: z.string().nullish(),
    composition: z.string().nullish(),
    regions: z.array(z.string()).default([]),
    sourceMeta: z.record(z.string(), z.unknown()).nullish(),
    parties: z.array(agreementPartyRecordSchema).default([]),
    externalIds: z
      .object({
        wtoRtaId: title.nullish(),
        totaId: title.nullish(),
        destaNumber: title.nullish(),
      })
      .strict()
      .default({}),
    sources: z
      .array(
        z
          .object({
            url: z.string().superRefine((url, ctx) => {
              const problem = sourceUrlProblem(url);
              if (problem) ctx.addIssue({ code: 'custom', message: problem });
            }),
            language: languageCode.nullish(),
            kind: z.enum(SourceKind),
          })
          .strict(),
      )
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
    for (const problem of futureDateProblems(record))
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    for (const problem of partyListProblems(record.parties, record))
      ctx.addIssue({
        code: 'custom',
        path: ['parties', problem.index, problem.field],
        message: problem.message,
      });
    // An agreement that amends, supersedes or is a protocol of itself (import json took one, listed as related to
    // itself on its page); a relation listed twice (its second insert failed on the database, the SQL in the message).
    const links = new Set<string>();
    let twice = false; // the first one named
    record.related.forEach((link, i) => {
      if (link.slug === record.slug)
        ctx.addIssue({ code: 'custom', path: ['related', i, 'slug'], message: 'names the agreement itself' });
      const key = `${link.relation} ${link.slug}`;
      if (links.has(key) && !twice)
        ctx.addIssue({ code: 'custom', path: ['related', i], message: `${key} is listed twice` });
      twice ||= links.has(key);
      links.add(key);
    });
    for (const problem of recordListProblems(record))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

/** The most sources an agreement lists, at every door (the API's AgreementFieldsInput.sources too). */
export const AGREEMENT_MAX_SOURCES = 50;

/** The longest address of a source, at every door. */
export const SOURCE_URL_MAX_CHARACTERS = 2000;

/**
 * Why a source's address cannot be stored, or null: an agreement's sources are links on its page and in its files,
 * so an http(s) URL with a host of at most SOURCE_URL_MAX_CHARACTERS, at every door (the API's
 * AgreementFieldsInput.sources and the import's records). `import json` took any URL Node parses
 * (`javascript:alert(1)`, `data:text/html,...`, `file:///etc/passwd`, 100,000 characters), which the agreement's
 * page then offered as a link (hostile19).
 */
export function sourceUrlProblem(url: string): string | null {
  const problem = `must be an http(s) URL of at most ${SOURCE_URL_MAX_CHARACTERS.toLocaleString('en')} characters`;
  if (url.length > SOURCE_URL_MAX_CHARACTERS) return problem;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return problem;
  }
  const http = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  return http && parsed.hostname !== '' && /^https?:\/\//i.test(url) ? null : problem;
}

/** The longest source of one fact (`factSources`): the fixtures' longest has 2,711 characters. */
export const FACT_SOURCE_MAX_CHARACTERS = 10_000;

/** A fact's name in `factSources`: an agreement field or another fact the record names (`partyDates`). */
const FACT_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

/**
 * A record's lists held to the bounds the API holds them to, and their answers are charged by (`LIST_BOUNDS`):
 * relations (`agreementLinks`), fact sources (`factSources`, each a fact's name and a text of at most
 * FACT_SOURCE_MAX_CHARACTERS) and sources (AGREEMENT_MAX_SOURCES). `import json` took any number: a record of 5,000
 * relations and 5,000 fact sources was listed whole by its page and by fields charged for 30 (hostile9).
 */
function recordListProblems(record: {
  related: readonly unknown[];
  sources: readonly unknown[];
  factSources?: Record<string, string> | null;
}): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const count = (n: number) => n.toLocaleString('en');
  const facts = Object.entries(record.factSources ?? {});
  const bounds: [string, number, number, string][] = [
    ['related', record.related.length, LIST_BOUNDS.agreementLinks, 'relations'],
    ['factSources', facts.length, LIST_BOUNDS.factSources, 'fact sources'],
    ['sources', record.sources.length, AGREEMENT_MAX_SOURCES, 'sources'],
  ];
  for (const [path, n, bound, what] of bounds)
    if (n > bound)
      problems.push({
        path: [path],
        message: `lists ${count(n)} ${what}; an agreement lists ${bound} at most`,
      });
  for (const [fact, source] of facts.slice(0, LIST_BOUNDS.factSources + 1)) {
    if (!FACT_NAME.test(fact))
      problems.push({
        path: ['factSources', fact],
        message: 'is not the name of a fact, such as dateSigned',
      });
    const characters = charactersFor(source, FACT_SOURCE_MAX_CHARACTERS);
    if (characters > FACT_SOURCE_MAX_CHARACTERS)
      problems.push({
        path: ['factSources', fact],
        message: `has ${count(characters)} characters; a fact's source may have ${count(FACT_SOURCE_MAX_CHARACTERS)} at most`,
      });
  }
  return problems;
}

/**
 * A party with a date of withdrawal has withdrawn (on that date, which may lie ahead: a notified withdrawal):
 * `withdrawn` follows from the date where there is one, and says on its own only that a party left on a date
 * nobody recorded. `withdrawn: false` beside a date is the contradiction refused at every door.
 */
export const WITHDRAWN_CONFLICT = (dateWithdrawn: string): string =>
  `is false, but dateWithdrawn (${dateWithdrawn}) says the party withdrew: leave withdrawn out (a date of withdrawal means withdrawn) or the date out`;

/** A party of an agreement as the API's input and the record both give it. */
type PartyFacts = Parameters<typeof signatoryOnlyConflict>[0] & {
  code: string;
  dateWithdrawn?: string | null;
  withdrawn?: boolean | null;
  dateSigned?: string | null;
  dateInForcePrecision?: DatePrecision | null;
  suspendedFrom?: string | null;
  suspendedUntil?: string | null;
  side?: string | null;
};

/**
 * The sides of an agreement divide all of its parties (`sameSide`): where one party is given a side, every party is,
 * and there are two sides at least (one side alone would leave no party a partner). The first party lacking one is
 * named; with one side only, the second party.
 */
function sideProblems(parties: readonly PartyFacts[]): { index: number; field: string; message: string }[] {
  const sides = parties.map((p) => p.side?.trim() || null);
  if (sides.every((side) => side === null)) return [];
  // A side is a label shown beside the party and compared as written: "EFTA\u00adStates" would look like "EFTA
  // States" and make its parties partners of each other.
  for (const [index, side] of sides.entries()) {
    const problem = side === null ? null : titleProblem(side);
    if (problem) return [{ index, field: 'side', message: problem }];
  }
  const lacking = sides.indexOf(null);
  if (lacking >= 0)
    return [
      {
        index: lacking,
        field: 'side',
        message: 'is not given, but other parties are given a side: give every party its side, or none',
      },
    ];
  if (new Set(sides).size < 2)
    return [
      {
        index: Math.min(1, parties.length - 1),
        field: 'side',
        message: `names one side only (${sides[0]}): an agreement's sides are two at least, or leave them out`,
      },
    ];
  return [];
}

/**
 * What is wrong with an agreement's list of parties, whatever door it comes through (the API's mutations, `import
 * json`, the fixtures, every importer's writer): a party listed twice (in any case), `withdrawn: false` beside a
 * date of withdrawal (`WITHDRAWN_CONFLICT`), a withdrawal before the party joined or before the
 * agreement entered into force for it, a signatory-only party with dates of a bound one, sides given to some
 * parties only or one side only (`sideProblems`), and the party's own
 * dates as the agreement's are judged: a signature or provisional application ahead (futureDateProblems), a
 * provisional application or entry into force before its signature. Given the agreement's date of signature, an
 * accession or a withdrawal before it (`partyBeforeSignature`).
 */
export function partyListProblems(
  parties: readonly PartyFacts[],
  agreement: { dateSigned?: string | null } = {},
): { index: number; field: string; message: string }[] {
  const problems: { index: number; field: string; message: string }[] = [];
  const seen = new Set<string>();
  parties.forEach((p, index) => {
    const code = p.code.toUpperCase();
    if (seen.has(code)) problems.push({ index, field: 'code', message: `${code} is listed twice` });
    seen.add(code);
    if (p.withdrawn === false && p.dateWithdrawn)
      problems.push({ index, field: 'withdrawn', message: WITHDRAWN_CONFLICT(p.dateWithdrawn) });
    if (p.dateJoined && p.dateWithdrawn && p.dateWithdrawn < p.dateJoined)
      problems.push({ index, field: 'dateWithdrawn', message: 'is before dateJoined' });
    if (p.dateInForce && p.dateWithdrawn && p.dateWithdrawn < p.dateInForce)
      problems.push({ index, field: 'dateWithdrawn', message: 'is before dateInForce' });
    // A bound on no date says nothing (AANZFTA's 2011-02-01 for Cambodia is one: in force on that day at the latest).
    if (p.dateInForcePrecision === DatePrecision.AT_LATEST && !p.dateInForce)
      problems.push({
        index,
        field: 'dateInForcePrecision',
        message: 'AT_LATEST is given without dateInForce',
      });
    if (p.suspendedUntil && !p.suspendedFrom)
      problems.push({ index, field: 'suspendedUntil', message: 'is given without suspendedFrom' });
    if (p.suspendedFrom && p.suspendedUntil && p.suspendedUntil <= p.suspendedFrom)
      problems.push({ index, field: 'suspendedUntil', message: 'is not after suspendedFrom' });
    const conflict = signatoryOnlyConflict(p);
    if (conflict) problems.push({ index, field: conflict, message: SIGNATORY_ONLY_CONFLICT });
    for (const problem of futureDateProblems(p)) problems.push({ index, ...problem });
    for (const field of ['dateProvisionallyApplied', 'dateInForce'] as const) {
      const value = p[field];
      if (value && p.dateSigned && value < p.dateSigned)
        problems.push({ index, field, message: `(${value}) is before dateSigned (${p.dateSigned})` });
    }
    problems.push(...partyBeforeSignature(p, agreement.dateSigned).map((problem) => ({ index, ...problem })));
  });
  problems.push(...sideProblems(parties));
  // The parties are one list, charged LIST_BOUNDS.agreementParties by the query cost (the corpus's largest
  // agreement has 48): an editor set 120, all listed by a field charged as 60. The first one over is named.
  if (parties.length > LIST_BOUNDS.agreementParties)
    problems.push({
      index: LIST_BOUNDS.agreementParties,
      field: 'code',
      message: `is party ${LIST_BOUNDS.agreementParties + 1} of ${parties.length}; an agreement lists ${LIST_BOUNDS.agreementParties} parties at most`,
    });
  return problems;
}

/**
 * A party cannot join or leave an agreement before it is signed: its `dateJoined` or `dateWithdrawn` before the
 * agreement's `dateSigned` is refused (a slipped year, a date of the bloc's enlargement typed as the party's).
 */
export function partyBeforeSignature(
  party: { dateJoined?: string | null; dateWithdrawn?: string | null },
  dateSigned: string | null | undefined,
): { field: 'dateJoined' | 'dateWithdrawn'; message: string }[] {
  if (!dateSigned) return [];
  return (['dateJoined', 'dateWithdrawn'] as const)
    .filter((field) => party[field] && party[field] < dateSigned)
    .map((field) => ({
      field,
      message: `(${party[field]}) is before the agreement's dateSigned (${dateSigned}): a party joins or leaves an agreement once it is signed`,
    }));
}

/** Every string of a record that no column can hold faithfully (NUL, a lone surrogate), by its path. */
function unstorableStrings(
  value: unknown,
  path: (string | number)[],
): { path: (string | number)[]; message: string }[] {
  if (path.length > MAX_INPUT_DEPTH && value !== null && typeof value === 'object')
    return [{ path, message: NESTING_PROBLEM }];
  if (typeof value === 'string') {
    const problem = unstorableProblem(value);
    return problem ? [{ path, message: problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableStrings(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => unstorableStrings(v, [...path, k]));
  return [];
}

export type AgreementRecord = z.infer<typeof agreementRecordSchema>;
export type ProvisionRecord = z.infer<typeof provisionRecordSchema>;
export type AnnotationRecord = z.infer<typeof annotationRecordSchema>;

/**
 * Dates that cannot lie ahead (a signature, a provisional application), whatever door the agreement comes through
 * (the API's mutations, `import json`); an entry into force may be announced before it comes.
 */
export function futureDateProblems(
  record: { dateSigned?: string | null; dateProvisionallyApplied?: string | null },
  now: string = today(),
): { field: 'dateSigned' | 'dateProvisionallyApplied'; message: string }[] {
  const problems: { field: 'dateSigned' | 'dateProvisionallyApplied'; message: string }[] = [];
  for (const field of ['dateSigned', 'dateProvisionallyApplied'] as const) {
    const value = record[field];
    if (value && value > now) problems.push({ field, message: `is in the future (${value})` });
  }
  return problems;
}

/**
 * Dates that contradict each other: an entry into force or a provisional application before the signature, a
 * termination before any of the three. Each date is judged against every date that must come before it, and named
 * beside the latest of them: until 7 December 2026 each was judged against the first date given only, so an
 * agreement signed in 2010, in force in 2012 and terminated in 2011 was stored (its termination was after its
 * signature), and a provisional application was judged against nothing (2001 for an agreement signed in 2010).
 */
export function dateOrderProblems(
  record: Pick<AgreementRecord, 'dateSigned' | 'dateInForce' | 'dateTerminated'> & {
    dateProvisionallyApplied?: string | null;
  },
): string[] {
  const after: [string, string[]][] = [
    ['dateProvisionallyApplied', ['dateSigned']],
    ['dateInForce', ['dateSigned']],
    ['dateTerminated', ['dateSigned', 'dateProvisionallyApplied', 'dateInForce']],
  ];
  const dates = record as Record<string, string | null | undefined>;
  const problems: string[] = [];
  for (const [name, earlierNames] of after) {
    const value = dates[name];
    if (!value) continue;
    const latest = earlierNames
      .filter((earlier) => dates[earlier])
      .reduce<string | null>((a, b) => (a && dates[a]! >= dates[b]! ? a : b), null);
    if (latest && dates[latest]! > value)
      problems.push(`${name} (${value}) is before ${latest} (${dates[latest]})`);
  }
  return problems;
}

/** Validates a record; the error names the file (or source) and each bad field by its path. */
export function parseAgreementRecord(input: unknown, source: string): AgreementRecord {
  const unstorable = unstorableStrings(input, []);
  const result = unstorable.length ? null : agreementRecordSchema.safeParse(input);
  if (result?.success) return result.data;
  const issues = result ? result.error.issues : unstorable;
  const problems = issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
  throw new Error(`${source}: ${problems.join('; ')}`);
}
