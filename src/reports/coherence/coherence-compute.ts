import { DatePrecision } from '../../agreements/agreement.enums';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { canJudgeAbsence } from '../../agreements/record-completeness';
import { ConventionStatusKind } from '../../parties/party.enums';
import { SEVERITIES, Severity } from '../render/report-document';
import { agreementName, AgreementFacts, notPartyUntil } from '../common/report-facts';
import {
  asOfParam,
  dateParam,
  namesParam,
  recordText,
  say,
  text,
  Text,
  partyParam,
} from '../common/report-texts';
import { signatureYear } from './agreement-features';
import { CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import { CoherenceRule, Outcome, result, RuleCheckResult } from './coherence-rule';
import {
  CoherenceAgreement,
  CoherenceCheck,
  CoherenceFinding,
  CoherenceOutcome,
  CoherenceOutcomeCount,
  CoherenceResult,
  ParagraphScore,
  ParagraphYearScore,
} from './coherence.types';
import { COHERENCE_RULES, SCORED_PARAGRAPHS } from './coherence-rules';
import { coherenceNotes } from './coherence-notes';
import { conventionNotYetInForce } from './convention-on-date';
import {
  CONVENTION_ADOPTED,
  CONVENTION_ENTERED_INTO_FORCE,
  conventionInForceBy,
  conventionInForceFrom,
} from '../../parties/convention-dates';

/** The same input with only the annotations of the given statuses: what a reviewer has confirmed, or all. */
function view(input: CoherenceInput, statuses: AnnotationStatus[]): CoherenceInput {
  return {
    ...input,
    agreements: input.agreements.map((a) => ({
      ...a,
      annotations: a.annotations.filter((x) => statuses.includes(x.status)),
    })),
  };
}

/**
 * NOT_APPLICABLE when the party is not a Party to the Convention: nothing the Convention asks of Parties applies to
 * it, neither the scored rules nor the information on partners that are not Parties (Article 21 asks Parties to
 * promote the Convention: Japan's report read 'not met' for its agreements with Brunei, beside a note saying the
 * rules do not apply to Japan).
 */
function notAPartyGate(input: CoherenceInput): RuleCheckResult | null {
  const { party } = input;
  if (party.conventionStatus !== ConventionStatusKind.NOT_PARTY) return null;
  const until = notPartyUntil(party, input.asOf);
  return result(
    'NOT_APPLICABLE',
    until
      ? text('coh.gate.notPartyUntil', { party: partyParam(party), until: asOfParam(until) })
      : text('coh.gate.notParty', { party: partyParam(party) }),
  );
}

/**
 * NOT_APPLICABLE on a report date before the Convention bound the party, UNKNOWN on one nobody can say it did
 * (`conventionNotYetInForce`). What Article 21 asks of Parties was not asked of it then: Canada's report as of
 * 2006-05-01 named Mexico and the United States as partners not Parties on that date, when Canada was not one
 * either. The scored rules need no such gate: the agreements binding the party on such a date were signed before the
 * Convention bound it (`conventionApplies`).
 */
function notYetPartyGate(input: CoherenceInput): RuleCheckResult | null {
  const notYet = conventionNotYetInForce(input.party, input.asOf);
  return notYet && result(notYet.outcome, notYet.message);
}

/**
 * Whether a rule that asks what the Convention expects applies to the agreement at all: the party is a Party,
 * and the agreement was signed after the Convention's adoption and after it entered into force for the party.
 */
export function conventionApplies(input: CoherenceInput, agreement: AgreementFacts): RuleCheckResult | null {
  const { party } = input;
  const notAParty = notAPartyGate(input);
  if (notAParty) return notAParty;
  if (!agreement.dateSigned) return result('UNKNOWN', text('coh.gate.undated'));
  if (agreement.dateSigned < CONVENTION_ADOPTED)
    return result(
      'NOT_APPLICABLE',
      text('coh.gate.beforeAdoption', {
        signed: dateParam(agreement.dateSigned),
        adopted: dateParam(CONVENTION_ADOPTED),
      }),
    );
  // Signed before the Convention entered into force at all (2007-03-18): before it did for the party, whatever
  // the party's own date. Peru (deposit in 2006, day not recorded) was told that whether the Convention could shape
  // US - Peru (2006-04-12) is not known.
  if (!party.conventionInForce && agreement.dateSigned < CONVENTION_ENTERED_INTO_FORCE)
    return result(
      'NOT_APPLICABLE',
      text('coh.gate.beforeConventionInForce', {
        signed: dateParam(agreement.dateSigned),
        inForce: dateParam(CONVENTION_ENTERED_INTO_FORCE),
      }),
    );
  // Where only the year of deposit is known, an agreement signed before the earliest date the Convention can have
  // entered into force for the party (1 April of that year) was signed before it bound the party: Saint Kitts and
  // Nevis (deposit 2016) read UNKNOWN on EU - CARIFORUM (2008), and Uganda (2015) UNKNOWN on 19.5 beside n/a on 19.4
  // for the EAC accession (2007). One signed after the latest date is checked; one signed between stays unknown.
  const inForceFrom = conventionInForceFrom(party.conventionInForce, party.conventionDepositYear);
  if (!party.conventionInForce && inForceFrom && agreement.dateSigned < inForceFrom)
    return result(
      'NOT_APPLICABLE',
      text('coh.gate.beforeInForceFrom', {
        signed: dateParam(agreement.dateSigned),
        party: partyParam(party),
        year: String(party.conventionDepositYear),
        inForce: dateParam(inForceFrom),
      }),
    );
  const inForceBy = conventionInForceBy(party.conventionInForce, party.conventionDepositYear);
  if (!party.conventionInForce && (!inForceBy || agreement.dateSigned < inForceBy))
    return result('UNKNOWN', text('coh.gate.noInForce', { party: partyParam(party) }));
  if (party.conventionInForce && agreement.dateSigned < party.conventionInForce)
    return result(
      'NOT_APPLICABLE',
      text('coh.gate.beforeInForce', {
        signed: dateParam(agreement.dateSigned),
        party: partyParam(party),
        inForce: dateParam(party.conventionInForce),
      }),
    );
  return null;
}

/** The proposals a check cites (whose they are and how many: `proposalOwners`). */
function proposalsOf(check: RuleCheckResult): RuleCheckResult['evidence'] {
  return check.evidence.filter((e) => e.status === AnnotationStatus.PROPOSED);
}

/**
 * With `includeProposed` the proposals count as evidence outright, but a check whose outcome they alone decide says
 * so, and what accepted evidence alone gives: "Commits the parties on customs duties ... with no carve-out" read as
 * established for Korea - Peru, its one evidence an annotation no one had reviewed (truth17).
 */
function restingOnProposals(
  accepted: RuleCheckResult,
  all: RuleCheckResult,
  agreement: CoherenceAgreementFacts,
  input: CoherenceInput,
): RuleCheckResult & { pendingOutcome?: Outcome } {
  if (accepted.outcome === all.outcome) return all;
  const owners = proposalOwners(proposalsOf(all), agreement, input);
  const messages = { proposed: all.message, accepted: accepted.message };
  return {
    ...all,
    message: owners.others
      ? text('coh.onProposalsOthers', { ...owners.others, ...messages })
      : text('coh.onProposals', { count: owners.own || 1, ...messages }),
  };
}

/**
 * Whose proposals a check waits on or rests on: a proposal cited from another agreement (19.1 compares an agreement
 * with the others of its period) is said to be that agreement's, its count never added to this one's: ASEAN - Japan
 * read "Awaits review of 1 proposed annotation" while its own row counted 0 proposals (the proposal was AANZFTA's).
 * This agreement's count is of its own annotations, as its row's.
 */
function proposalOwners(
  proposals: RuleCheckResult['evidence'],
  agreement: CoherenceAgreementFacts,
  input: CoherenceInput,
): {
  own: number;
  others?: {
    count: number;
    agreements: number;
    names: ReturnType<typeof namesParam>;
    own: number;
    total: number;
  };
} {
  const distinct = (list: RuleCheckResult['evidence']) =>
    new Set(list.map((e) => `${e.pinpoint} ${e.code}`)).size;
  const own = proposals.filter((e) => e.agreement === agreement.slug);
  const others = proposals.filter((e) => e.agreement !== agreement.slug);
  if (!others.length) return { own: distinct(own) };
  const slugs = [...new Set(others.map((e) => e.agreement))];
  const names = slugs.map((slug) => {
    const facts = input.agreements.find((a) => a.slug === slug);
    return facts ? agreementName(facts) : slug;
  });
  return {
    own: distinct(own),
    others: {
      count: distinct(others),
      agreements: slugs.length,
      names: namesParam(names),
      own: distinct(own),
      total: distinct(proposals),
    },
  };
}

/** The message of a PENDING_REVIEW check: how many proposals wait, of which agreement (`proposalOwners`). */
function pendingMessage(
  proposals: RuleCheckResult['evidence'],
  agreement: CoherenceAgreementFacts,
  input: CoherenceInput,
  messages: { proposed: Text; accepted: Text },
): Text {
  const owners = proposalOwners(proposals, agreement, input);
  return owners.others
    ? text('coh.pendingOthers', { ...owners.others, ...messages })
    : text('coh.pending', { count: owners.own || 1, ...messages });
}

/** Proposals that would change the outcome make it PENDING_REVIEW: an absence is never stated while they wait. */
function withPending(
  accepted: RuleCheckResult,
  proposed: RuleCheckResult,
  agreement: CoherenceAgreementFacts,
  input: CoherenceInput,
): RuleCheckResult & { pendingOutcome?: Outcome } {
  if (accepted.outcome === proposed.outcome) return accepted;
  const proposals = proposalsOf(proposed);
  return {
    outcome: 'PENDING_REVIEW',
    message: pendingMessage(proposals, agreement, input, {
      proposed: proposed.message,
      accepted: accepted.message,
    }),
    evidence: [...proposals, ...proposed.evidence.filter((e) => e.status !== AnnotationStatus.PROPOSED)],
    absence: null,
    operative: proposed.operative,
    pendingOutcome: proposed.outcome,
  };
}

/**
 * An absence stated on a record that does not hold the text it would be in is UNKNOWN, never NOT_MET, nor
 * NOT_APPLICABLE where the rule would not apply for want of what the record may lack (e-commerce commitments in
 * excerpts).
 */
function judgeRecord(
  check: RuleCheckResult,
  agreement: CoherenceAgreementFacts,
  rule: CoherenceRule,
): RuleCheckResult {
  if ((check.outcome !== 'NOT_MET' && check.outcome !== 'NOT_APPLICABLE') || !check.absence) return check;
  if (canJudgeAbsence(agreement.record, rule.absenceNeeds)) return check;
  return {
    ...check,
    outcome: 'UNKNOWN',
    message: text('coh.unjudged', { record: recordText(agreement.record), absence: check.absence }),
  };
}

/** HIGH needs an operative provision among the evidence; a heading or a non-binding clause raises at most LOW. */
function severityOf(rule: CoherenceRule, check: RuleCheckResult): Severity {
  return rule.severity === 'HIGH' && check.operative === false ? 'LOW' : rule.severity;
}

/**
 * A rule that would not apply to the agreement on any date (19.1 with no other agreement of its period, 19.4 with no
 * commitments) is NOT_APPLICABLE even when the time gate cannot tell (the party's Convention date, or the agreement's
 * signature, not recorded): Ecuador's one agreement read 19.1 UNKNOWN, and its finding told the ministry to compare
 * it with the agreements of its period that protect culture, of which there were none. Only when every view the
 * report counts (accepted, and the proposals) says so: a proposal that would make the rule apply leaves it UNKNOWN.
 */
function applyingOnNoDate(
  run: (v: CoherenceInput) => RuleCheckResult,
  input: CoherenceInput,
  views: { accepted: CoherenceInput; all: CoherenceInput },
): RuleCheckResult | null {
  const all = run(views.all);
  if (all.outcome !== 'NOT_APPLICABLE') return null;
  if (input.includeProposed) return all;
  const accepted = run(views.accepted);
  return accepted.outcome === 'NOT_APPLICABLE' ? accepted : null;
}

function checkOne(
  rule: CoherenceRule,
  index: number,
  input: CoherenceInput,
  views: { accepted: CoherenceInput; all: CoherenceInput },
): CoherenceCheck {
  const agreement = input.agreements[index];
  // Each view is judged on the record before the two are compared: what a proposal would change, and what holds
  // until it is reviewed, are both said as the record allows (UNKNOWN on excerpts, never an absence).
  const run = (v: CoherenceInput) =>
    judgeRecord(rule.check({ input: v, agreement: v.agreements[index] }), agreement, rule);
  const gate =
    rule.appliesToParty?.(input.party) === false
      ? null
      : rule.scored
        ? conventionApplies(input, agreement)
        : (notAPartyGate(input) ?? notYetPartyGate(input));
  let check: RuleCheckResult & { pendingOutcome?: Outcome };
  if (gate) check = gate.outcome === 'UNKNOWN' ? (applyingOnNoDate(run, input, views) ?? gate) : gate;
  else if (input.includeProposed)
    check = restingOnProposals(run(views.accepted), run(views.all), agreement, input);
  else check = withPending(run(views.accepted), run(views.all), agreement, input);
  return {
    ruleId: rule.id,
    paragraph: rule.paragraph,
    severity: severityOf(rule, check),
    outcome: check.outcome,
    pendingOutcome: check.pendingOutcome ?? null,
    message: say('en', check.message),
    evidence: check.evidence,
    absence: check.absence && say('en', check.absence),
    texts: { message: check.message, absence: check.absence },
  };
}

/** Runs every rule on every agreement of the input: a pure function of the loaded facts. */
export function computeCoherence(
  input: CoherenceInput,
  rules: readonly CoherenceRule[] = COHERENCE_RULES,
): CoherenceResult {
  const views = {
    accepted: view(input, [AnnotationStatus.ACCEPTED]),
    all: view(input, [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED]),
  };
  const agreements: CoherenceAgreement[] = input.agreements.map((agreement, index) => ({
    agreement: strip(agreement),
    via: agreement.via,
    partners: agreement.partners,
    record: agreement.record,
    legacy: agreement.dateSigned !== null && agreement.dateSigned < CONVENTION_ADOPTED,
    inForceInferred: agreement.inForceInferred,
    appliedFrom: agreement.appliedFrom,
    agreementFirstDates: agreement.agreementFirstDates,
    appliedFromPrecision: agreement.startAtLatest ? DatePrecision.AT_LATEST : DatePrecision.EXACT,
    role: agreement.role ?? null,
    acceptedAnnotations: agreement.annotations.filter((x) => x.status === AnnotationStatus.ACCEPTED).length,
    proposedAnnotations: agreement.annotations.filter((x) => x.status === AnnotationStatus.PROPOSED).length,
    checks: rules.map((rule) => checkOne(rule, index, input, views)),
  }));
  return {
    party: input.party,
    asOf: input.asOf,
    includeProposed: input.includeProposed,
    ...notesOf(coherenceNotes(input)),
    agreements,
    findings: findingsOf(agreements, rules),
    scores: scoresOf(agreements, rules),
    trend: trendOf(agreements, rules),
    rules: rules.map(({ id, paragraph, severity, title, checks, scored, why, whatToCheck }) => ({
      id,
      paragraph,
      severity,
      title,
      checks,
      scored,
      why,
      whatToCheck,
    })),
    leftOut: input.leftOut,
    leftOutDatesUnknown: input.leftOut.filter((a) => a.datesUnknown).map((a) => a.slug),
    leftOutLeftUndated: input.leftOut.filter((a) => a.leftUndated).map((a) => a.slug),
    leftOutStartedUndated: input.leftOut.filter((a) => a.startedUndated).map((a) => a.slug),
    leftOutEndedUndated: input.leftOut.filter((a) => a.endedUndated).map((a) => a.slug),
    leftOutInForceBy: input.leftOut.flatMap((a) =>
      a.inForceBy ? [{ slug: a.slug, date: a.inForceBy }] : [],
    ),
    leftOutBoundThrough: input.leftOut.flatMap((a) =>
      a.boundThrough ? [{ slug: a.slug, ...a.boundThrough }] : [],
    ),
    leftOutSuspended: input.leftOut.flatMap((a) =>
      a.suspendedSince ? [{ slug: a.slug, since: a.suspendedSince, source: a.suspensionSource ?? null }] : [],
    ),
  };
}

const notesOf = (noteTexts: Text[]) => ({ notes: noteTexts.map((n) => say('en', n)), noteTexts });

function strip(a: AgreementFacts): AgreementFacts {
  const {
    id,
    slug,
    title,
    shortTitle,
    status,
    recordedStatus,
    dateSigned,
    dateProvisionallyApplied,
    dateInForce,
    dateTerminated,
  } = a;
  return {
    id,
    slug,
    title,
    shortTitle,
    status,
    recordedStatus,
    dateSigned,
    dateProvisionallyApplied,
    dateInForce,
    dateTerminated,
  };
}

function findingsOf(agreements: CoherenceAgreement[], rules: readonly CoherenceRule[]): CoherenceFinding[] {
  const findings: Omit<CoherenceFinding, 'number'>[] = [];
  const undecided = new Map<string, { check: CoherenceCheck; agreements: AgreementFacts[] }>();
  const info = new Map(rules.map((r) => [r.id, r]));
  for (const result of agreements) {
    for (const check of result.checks) {
      const rule = info.get(check.ruleId)!;
      if (check.outcome === 'NOT_MET' || check.outcome === 'PENDING_REVIEW') {
        findings.push({
          ruleId: check.ruleId,
          outcome: check.outcome,
          // Pending evidence that would meet the rule is information; pending evidence of a gap keeps its weight.
          severity:
            check.outcome === 'PENDING_REVIEW' && check.pendingOutcome !== 'NOT_MET'
              ? 'INFO'
              : check.severity,
          paragraph: check.paragraph,
          agreement: result.agreement,
          message: check.message,
          why: rule.why,
          whatToCheck: rule.whatToCheck,
          record: result.record.summary,
          evidence: check.evidence,
          absence: check.absence,
          texts: { ...check.texts, record: recordText(result.record) },
        });
      } else if (check.outcome === 'UNKNOWN') {
        // One INFO finding per reason: "the party's date is unknown" once, not once per agreement. A check that
        // cites evidence stays the agreement's own (two records of the same size read alike, and the grouped
        // finding would drop their evidence).
        const own = check.evidence.length ? `\u0000${result.agreement.id}` : '';
        const key = `${check.paragraph}\u0000${check.message}${own}`;
        const entry = undecided.get(key) ?? { check, agreements: [] };
        if (!entry.agreements.includes(result.agreement)) entry.agreements.push(result.agreement);
        undecided.set(key, entry);
      }
    }
  }
  for (const { check, agreements: list } of undecided.values()) {
    const rule = info.get(check.ruleId)!;
    const one = list.length === 1 ? agreements.find((a) => a.agreement === list[0]) : undefined;
    const message = one
      ? check.texts.message
      : text('coh.concerns', {
          message: check.texts.message,
          count: list.length,
          names: namesParam(list.map(agreementName)),
        });
    findings.push({
      ruleId: check.ruleId,
      outcome: 'UNKNOWN',
      why: rule.why,
      whatToCheck: rule.whatToCheck,
      record: one?.record.summary ?? null,
      severity: 'INFO',
      paragraph: check.paragraph,
      agreement: list.length === 1 ? list[0] : null,
      message: say('en', message),
      evidence: list.length === 1 ? check.evidence : [],
      absence: null,
      texts: { message, absence: null, record: one ? recordText(one.record) : null },
    });
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sorted = findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      ruleIndex.get(a.ruleId)! - ruleIndex.get(b.ruleId)! ||
      (a.agreement?.dateSigned ?? '9999').localeCompare(b.agreement?.dateSigned ?? '9999') ||
      (a.agreement?.slug ?? '').localeCompare(b.agreement?.slug ?? ''),
  );
  return sorted.map((f, i) => ({ number: i + 1, ...f }));
}

/**
 * The outcome of one paragraph for one agreement, from the checks of the paragraph's scored rules: NOT_MET when
 * one is NOT_MET; else PENDING_REVIEW when one awaits review; else UNKNOWN when one cannot be judged; else MET when
 * one is MET; null (no rule applies) otherwise. An agreement meets a paragraph only when every rule of it that
 * applies is met: a reference to cultural diversity meets "no reference at all" but not "refers explicitly to the
 * Convention" while whether the Convention is named is unknown, so such an agreement is not counted as meeting
 * 19.5. The scores, the trend and the report's table of agreements all read it.
 */
export function paragraphOutcome(
  checks: readonly CoherenceCheck[],
): 'MET' | 'NOT_MET' | 'PENDING_REVIEW' | 'UNKNOWN' | null {
  if (checks.some((c) => c.outcome === 'NOT_MET')) return 'NOT_MET';
  if (checks.some((c) => c.outcome === 'PENDING_REVIEW')) return 'PENDING_REVIEW';
  if (checks.some((c) => c.outcome === 'UNKNOWN')) return 'UNKNOWN';
  return checks.some((c) => c.outcome === 'MET') ? 'MET' : null;
}

const checksOf = (result: CoherenceAgreement, ruleIds: readonly string[]) =>
  result.checks.filter((c) => ruleIds.includes(c.ruleId));

const scoredRuleIds = (rules: readonly CoherenceRule[], paragraph: string) =>
  rules.filter((r) => r.scored && r.paragraph === paragraph).map((r) => r.id);

/**
 * The checks of every agreement by outcome (in the order of the states; an outcome no check has left out), of the
 * scored rules (`scored`: those the paragraph scores count) or of the information rules alone
 * (INFO/partners-not-convention-parties, which says whether partners are Parties and scores nothing): one count of
 * both mixed an information rule's "not met" into a report whose every score was 100 %.
 */
export function checksByOutcome(
  report: Pick<CoherenceResult, 'agreements' | 'rules'>,
  scored: boolean,
): CoherenceOutcomeCount[] {
  const counted = new Set(report.rules.filter((r) => r.scored === scored).map((r) => r.id));
  const counts = new Map<`${CoherenceOutcome}`, number>();
  for (const a of report.agreements)
    for (const c of a.checks)
      if (counted.has(c.ruleId)) counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1);
  return Object.values(CoherenceOutcome)
    .filter((o) => counts.has(o))
    .map((outcome) => ({ outcome, checks: counts.get(outcome)! }));
}

function scoresOf(agreements: CoherenceAgreement[], rules: readonly CoherenceRule[]): ParagraphScore[] {
  return SCORED_PARAGRAPHS.map(({ paragraph, title }) => {
    const ruleIds = scoredRuleIds(rules, paragraph);
    const all = agreements.map((a) => paragraphOutcome(checksOf(a, ruleIds)));
    const outcomes = all.filter((o) => o === 'MET' || o === 'NOT_MET');
    const met = outcomes.filter((o) => o === 'MET').length;
    return {
      paragraph,
      title,
      ruleIds,
      pending: all.filter((o) => o === 'PENDING_REVIEW').length,
      notAssessed: all.filter((o) => o === 'UNKNOWN').length,
      assessed: outcomes.length,
      met,
      share: outcomes.length ? met / outcomes.length : null,
    };
  });
}

function trendOf(agreements: CoherenceAgreement[], rules: readonly CoherenceRule[]): ParagraphYearScore[] {
  const trend: ParagraphYearScore[] = [];
  for (const { paragraph } of SCORED_PARAGRAPHS) {
    const ruleIds = scoredRuleIds(rules, paragraph);
    const byYear = new Map<number, { assessed: number; met: number }>();
    for (const result of agreements) {
      const year = signatureYear(result.agreement);
      const outcome = paragraphOutcome(checksOf(result, ruleIds));
      if (year === null || (outcome !== 'MET' && outcome !== 'NOT_MET')) continue;
      const entry = byYear.get(year) ?? { assessed: 0, met: 0 };
      entry.assessed++;
      if (outcome === 'MET') entry.met++;
      byYear.set(year, entry);
    }
    for (const [year, { assessed, met }] of [...byYear].sort(([a], [b]) => a - b)) {
      trend.push({ paragraph, year, assessed, met, share: met / assessed });
    }
  }
  return trend;
}
