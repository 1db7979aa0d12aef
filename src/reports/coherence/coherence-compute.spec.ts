import { AgreementStatus, RecordCoverage } from '../../agreements/agreement.enums';
import { recordCompleteness } from '../../agreements/record-completeness';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { ConventionStatusKind } from '../../parties/party.enums';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { WHOLE_REPORT_FORMATS } from '../render/report-document';
import { closeRenderPool } from '../render/render-pool';
import { renderReport, renderReportHere } from '../render/render-report';
import { computeCoherence } from './coherence-compute';
import { coherenceDocument } from './coherence-document';
import { coherenceIn } from './coherence-language';
import { agreement, annotation, ecommerce, input, party } from '../../../test/support/coherence-test-data';

// The render workers this file started stop with it: an idle worker thread left to the process's exit held
// jest's worker past its grace period ("A worker process has failed to exit gracefully").
afterAll(() => closeRenderPool());

describe('computeCoherence', () => {
  const explicit = agreement('explicit', {
    dateSigned: '2015-03-01',
    annotations: [annotation(C.CONVENTION_REF_EXPLICIT, { key: 'preamble' })],
  });
  const silent = agreement('silent', { dateSigned: '2015-09-01' });
  const exposed = agreement('exposed', {
    dateSigned: '2016-01-01',
    annotations: [ecommerce('CUSTOMS_DUTIES')],
  });
  const report = computeCoherence(input([explicit, silent, exposed]));

  it('lists findings by severity, numbered, each saying what was found, why it matters and what to check', () => {
    expect(
      report.findings.map((f) => [f.number, f.outcome, f.severity, f.ruleId, f.agreement?.slug]),
    ).toEqual([
      [1, 'NOT_MET', 'HIGH', 'G19.4/ecommerce-without-cultural-carve-out', 'exposed'],
      [2, 'NOT_MET', 'MEDIUM', 'G19.5/no-convention-reference', 'silent'],
      [3, 'NOT_MET', 'MEDIUM', 'G19.5/no-convention-reference', 'exposed'],
    ]);
    for (const f of report.findings) {
      expect(f.why).toMatch(/Paragraph 19\.\d of the Guidelines/);
      expect(f.whatToCheck.length).toBeGreaterThan(20);
      expect(f.message).not.toMatch(/[A-Z]+_[A-Z_]+/); // no internal codes in what a reader sees
    }
  });

  it('does not apply the Convention to an agreement signed before the earliest date it can have bound a Party known by its year of deposit (Saint Kitts and Nevis, findings23)', () => {
    // Deposit in 2016, no day: in force for it from 2016-04-01 at the earliest (Art. 29), by 2017-03-31 at the latest.
    const kna = party('KNA', {
      name: 'Saint Kitts and Nevis',
      conventionInForce: null,
      conventionDepositYear: 2016,
    });
    // EU - CARIFORUM (2008) with commitments, one with none (as Uganda's EAC accession, 2007), one signed between
    // the two dates, one after.
    const epa = agreement('epa', { dateSigned: '2008-10-15', annotations: [ecommerce('CUSTOMS_DUTIES')] });
    const bare = agreement('bare', { dateSigned: '2007-11-30' });
    const between = agreement('between', { dateSigned: '2016-06-01' });
    const after = agreement('after', { dateSigned: '2018-06-01' });
    const r = computeCoherence({ ...input([epa, bare, between, after]), party: kna });
    const checks = (slug: string) => r.agreements.find((a) => a.agreement.slug === slug)!.checks;
    for (const slug of ['epa', 'bare']) {
      const scored = checks(slug).filter((c) => ['19.4', '19.5'].includes(c.paragraph));
      expect(scored.length).toBeGreaterThan(1);
      // Every scored rule from the one gate: not applicable, with the same words (Uganda read UNKNOWN beside n/a).
      for (const c of scored) {
        expect(c.outcome).toBe('NOT_APPLICABLE');
        expect(c.message).toMatch(
          /before the Convention can have entered into force for Saint Kitts and Nevis \(instrument deposited in 2016, so in force from 2016-04-01 at the earliest\)/,
        );
      }
    }
    expect(r.findings.filter((f) => f.agreement?.slug === 'epa' && f.outcome !== 'NOT_APPLICABLE')).toEqual(
      [],
    );
    const reference = (slug: string) =>
      checks(slug).find((c) => c.ruleId === 'G19.5/no-convention-reference')!;
    expect(reference('between').outcome).toBe('UNKNOWN');
    expect(reference('after').outcome).toBe('NOT_MET');
    // A deposit in 2006 or before: the Convention's own entry into force is the earliest (2007-03-18).
    const early = computeCoherence({
      ...input([agreement('x', { dateSigned: '2007-03-20' })]),
      party: { ...kna, conventionDepositYear: 2006 },
    });
    expect(
      early.agreements[0].checks.find((c) => c.ruleId === 'G19.5/no-convention-reference')!.outcome,
    ).toBe('UNKNOWN');
    // In French and Spanish, the same rule in words.
    const fr = coherenceIn('fr', r).agreements[0].checks.find(
      (c) => c.ruleId === 'G19.5/no-convention-reference',
    )!;
    expect(fr.message).toMatch(
      /instrument déposé en 2016, donc en vigueur au plus tôt le 1(er)? avr(il|\.) 2016/,
    );
  });

  it('checks the agreements a Party signed after the latest date the Convention can have bound it (only the year of deposit known, as for Peru)', () => {
    // Peru deposited in 2006 (no day recorded): in force for it by 2007-03-31 at the latest.
    const per = party('PER', { name: 'Peru', conventionInForce: null, conventionDepositYear: 2006 });
    const early = agreement('early', { dateSigned: '2007-03-25' });
    const later = agreement('later', { dateSigned: '2012-06-26' });
    const r = computeCoherence({ ...input([early, later]), party: per });
    const reference = (report: typeof r, slug: string) =>
      report.agreements
        .find((a) => a.agreement.slug === slug)!
        .checks.find((c) => c.ruleId === 'G19.5/no-convention-reference')!.outcome;
    expect(reference(r, 'early')).toBe('UNKNOWN');
    expect(reference(r, 'later')).toBe('NOT_MET');
    // With no year either, nothing is assessed; the parameters say which it is.
    const none = computeCoherence({ ...input([later]), party: { ...per, conventionDepositYear: null } });
    expect(reference(none, 'later')).toBe('UNKNOWN');
    // Signed before the Convention entered into force for anyone (2007-03-18): before it did for Peru, whatever
    // its day (US - Peru, 2006-04-12, was said not to be known), with or without the year of deposit.
    const usPeru = agreement('us-peru', { dateSigned: '2006-04-12' });
    for (const p of [per, { ...per, conventionDepositYear: null }]) {
      const check = computeCoherence({ ...input([usPeru]), party: p }).agreements[0].checks.find(
        (c) => c.ruleId === 'G19.5/no-convention-reference',
      )!;
      expect([check.outcome, check.message]).toEqual([
        'NOT_APPLICABLE',
        'Signed 2006-04-12, before the Convention entered into force (2007-03-18, for no Party earlier): context, not a failure.',
      ]);
    }
    const parameters = (lang: 'en' | 'fr') =>
      coherenceDocument(r, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z', language: lang }).parameters;
    expect(Object.values(parameters('en'))).toContain(
      'day not recorded; instrument deposited in 2006, so in force by 2007-03-31 at the latest (agreements signed before then are not assessed)',
    );
    expect(Object.values(parameters('fr')).join(' ')).toMatch(
      /instrument déposé en 2006, donc en vigueur au plus tard le 31 mars 2007/,
    );
  });

  it('says PENDING_REVIEW, never NOT_MET, where the rules proposed the missing evidence', () => {
    const proposed = agreement('proposed', {
      dateSigned: '2015-09-01',
      annotations: [
        annotation(C.CONVENTION_REF_IMPLICIT, { key: 'preamble', status: AnnotationStatus.PROPOSED }),
      ],
    });
    const r = computeCoherence(input([proposed]));
    const f = r.findings.find((x) => x.ruleId === 'G19.5/no-convention-reference')!;
    expect(f).toMatchObject({ outcome: 'PENDING_REVIEW', severity: 'INFO' });
    // A proposal may be a person's (createAnnotation) as well as the rules': the report does not say whose.
    expect(f.message).toMatch(
      /^Awaits review of 1 proposed annotation\. Once a reviewer confirms it, the finding reads as follows\. /,
    );
    expect(f.evidence.map((e) => [e.pinpoint, e.status])).toEqual([['proposed/preamble', 'PROPOSED']]);
    expect(r.scores.find((s) => s.paragraph === '19.5')).toMatchObject({ pending: 1, assessed: 0 });
    const counted = computeCoherence(input([proposed], { includeProposed: true }));
    expect(counted.agreements[0].checks[0].outcome).toBe('MET');
  });

  it('says in the past tense that the Convention already applied when an agreement without a reference was signed (reports24)', () => {
    const messageIn = (lang: 'fr' | 'es') =>
      coherenceIn(lang, report).findings.find(
        (f) => f.ruleId === 'G19.5/no-convention-reference' && f.agreement?.slug === 'silent',
      )!.message;
    // "après que la Convention s’applique" (present) was ungrammatical; the Spanish already said "ya se aplicaba".
    expect(messageIn('fr')).toMatch(/^Signé le 1er sept\. 2015, alors que la Convention s’appliquait déjà /);
    expect(messageIn('es')).toMatch(/^Firmado el .*, cuando la Convención ya se aplicaba /);
  });

  it("says whose proposals a 19.1 finding awaits, never counting another agreement's as its own (reports24: ASEAN - Japan and AANZFTA)", () => {
    // ASEAN - Japan (commitments, no protection) beside AANZFTA (commitments, an exemption only proposed), one period:
    // Japan's 19.1 waits for AANZFTA's proposal. It read "Awaits review of 1 proposed annotation" while Japan's own
    // row counted 0 proposals, and "1 of ... 3 other agreements ... have one".
    const japan = agreement('japan', {
      dateSigned: '2008-04-14',
      annotations: [ecommerce('CUSTOMS_DUTIES')],
    });
    const aanz = agreement('aanz', {
      dateSigned: '2009-02-27',
      annotations: [
        ecommerce('CUSTOMS_DUTIES'),
        annotation(C.CULTURAL_EXEMPTION, { status: AnnotationStatus.PROPOSED }),
      ],
    });
    const bare = (slug: string) =>
      agreement(slug, { dateSigned: '2009-06-01', annotations: [ecommerce('CUSTOMS_DUTIES')] });
    const r = computeCoherence(input([japan, aanz, bare('b1'), bare('b2')]));
    const rowOf = (slug: string) => r.agreements.find((a) => a.agreement.slug === slug)!;
    const check = rowOf('japan').checks.find((c) => c.ruleId === 'G19.1/inconsistent-cultural-protection')!;
    expect(check.outcome).toBe('PENDING_REVIEW');
    expect(rowOf('japan').proposedAnnotations).toBe(0);
    expect(rowOf('aanz').proposedAnnotations).toBe(1);
    expect(check.message).toMatch(/^Awaits review of 1 proposed annotation of another agreement \(AANZ\)\. /);
    expect(check.message).toContain(
      "while 1 of the party's 3 other agreements signed in 2005–2009 has one: AANZ.",
    );
    const message = (lang: 'fr' | 'es') =>
      coherenceIn(lang, r).agreements[0].checks.find((c) => c.ruleId === check.ruleId)!.message;
    expect(message('fr')).toMatch(
      /^En attente de la relecture de 1 annotation proposée d’un autre accord \(AANZ\)\. /,
    );
    expect(message('fr')).toContain('en a une : AANZ.');
    expect(message('es')).toMatch(
      /^Pendiente de la revisión de 1 anotación propuesta de otro acuerdo \(AANZ\)\. /,
    );
    expect(message('es')).toContain('tiene una: AANZ.');
    // Its own proposal beside another's: each counted where it belongs.
    const own = agreement('own', {
      dateSigned: '2008-04-14',
      annotations: [
        ecommerce('CUSTOMS_DUTIES'),
        annotation(C.AUDIOVISUAL_EXCLUSION, { status: AnnotationStatus.PROPOSED }),
      ],
    });
    const both = computeCoherence(input([own, aanz, bare('b1')]));
    const ownCheck = both.agreements[0].checks.find((c) => c.ruleId === check.ruleId)!;
    expect(both.agreements[0].proposedAnnotations).toBe(1);
    expect(ownCheck.outcome).toBe('PENDING_REVIEW');
    // With includeProposed the same check rests on AANZ's proposal: said so, not "Rests on 1 proposed annotation"
    // as if Japan's own (review24).
    const counted = computeCoherence(input([japan, aanz, bare('b1'), bare('b2')], { includeProposed: true }));
    const resting = counted.agreements
      .find((a) => a.agreement.slug === 'japan')!
      .checks.find((c) => c.ruleId === check.ruleId)!;
    expect(resting.message).toMatch(
      /^Rests on 1 proposed annotation that no reviewer has confirmed yet, counted because the report counts proposals \(1 of another agreement, AANZ\)\. /,
    );
    const restingIn = (lang: 'fr' | 'es') =>
      coherenceIn(lang, counted).agreements[0].checks.find((c) => c.ruleId === check.ruleId)!.message;
    expect(restingIn('fr')).toMatch(
      /^Repose sur 1 annotation proposée d’un autre accord \(AANZ\), qu’aucun relecteur/,
    );
    expect(restingIn('es')).toMatch(
      /^Se basa en 1 anotación propuesta de otro acuerdo \(AANZ\), que ningún revisor/,
    );
  });

  it('keeps the weight of a gap that proposals reveal, as PENDING_REVIEW', () => {
    const obligations = agreement('obl', {
      annotations: [{ ...ecommerce('CUSTOMS_DUTIES'), status: AnnotationStatus.PROPOSED }],
    });
    const f = computeCoherence(input([obligations])).findings.find((x) => x.paragraph === '19.4')!;
    expect(f).toMatchObject({ outcome: 'PENDING_REVIEW', severity: 'HIGH' });
  });

  it('with includeProposed, says of a finding or a met rule that rests on proposals alone that it does (truth17: Korea - Peru)', () => {
    // Korea - Peru, after `import tota`: its one e-commerce evidence a proposed annotation, the finding read
    // "Commits the parties on customs duties ... with no carve-out" as established, NOT_MET HIGH.
    const obligations = agreement('obl', {
      annotations: [{ ...ecommerce('CUSTOMS_DUTIES'), status: AnnotationStatus.PROPOSED }],
    });
    const counted = computeCoherence(input([obligations], { includeProposed: true }));
    const f = counted.findings.find((x) => x.paragraph === '19.4')!;
    expect(f).toMatchObject({ outcome: 'NOT_MET', severity: 'HIGH' });
    expect(f.message).toMatch(
      /^Rests on 1 proposed annotation that no reviewer has confirmed yet, counted because the report counts proposals\. Commits the parties .* On accepted annotations alone, it reads as follows\. /,
    );
    const met = computeCoherence(
      input(
        [
          agreement('proposed', {
            dateSigned: '2015-09-01',
            annotations: [
              annotation(C.CONVENTION_REF_IMPLICIT, { key: 'preamble', status: AnnotationStatus.PROPOSED }),
            ],
          }),
        ],
        { includeProposed: true },
      ),
    ).agreements[0].checks[0];
    expect(met.outcome).toBe('MET');
    expect(met.message).toMatch(/^Rests on 1 proposed annotation /);
    // Accepted evidence that decides the outcome alone: nothing to say.
    const accepted = computeCoherence(
      input([agreement('acc', { annotations: [ecommerce('CUSTOMS_DUTIES')] })], { includeProposed: true }),
    );
    expect(accepted.findings.find((x) => x.paragraph === '19.4')!.message).not.toMatch(/proposed/);
  });

  it('answers UNKNOWN, not NOT_MET, on a record that holds only excerpts, and says what it holds', () => {
    const partial = agreement('partial', {
      annotations: [ecommerce('CUSTOMS_DUTIES')],
      record: recordCompleteness(RecordCoverage.EXCERPTS, null, 5),
    });
    const r = computeCoherence(input([partial]));
    expect(r.findings.some((f) => f.outcome === 'NOT_MET')).toBe(false);
    const f = r.findings.find((x) => x.paragraph === '19.4')!;
    expect(f.outcome).toBe('UNKNOWN');
    expect(f.message).toContain('The record holds only 5 selected provisions.');
    expect(r.notes.some((n) => n.includes('only selected provisions'))).toBe(true);
  });

  it('states no absence on an excerpts record while proposals await review, in either direction', () => {
    const record = recordCompleteness(RecordCoverage.EXCERPTS, null, 5);
    // Until a reviewer confirms the proposed reference, whether the agreement has one is unknown, not "none".
    const reference = agreement('partial-ref', {
      record,
      annotations: [
        annotation(C.CONVENTION_REF_IMPLICIT, { key: 'preamble', status: AnnotationStatus.PROPOSED }),
      ],
    });
    const check = computeCoherence(input([reference])).agreements[0].checks.find(
      (c) => c.ruleId === 'G19.5/no-convention-reference',
    )!;
    expect(check).toMatchObject({ outcome: 'PENDING_REVIEW', pendingOutcome: 'MET' });
    expect(check.message).toContain(
      'Until then, it reads as follows. This cannot be judged on the record held. The record holds only 5 selected provisions.',
    );
    // Plain sentences in every language: no clause chained to the next by a colon.
    for (const lang of ['en', 'fr', 'es'] as const) {
      const said = coherenceIn(lang, computeCoherence(input([reference]))).agreements[0].checks;
      for (const c of said)
        expect({ lang, chained: /:[^.]*:/.test(c.message) }).toEqual({ lang, chained: false });
    }
    expect(check.message).not.toContain('with no reference');
    // A proposed e-commerce provision on excerpts reveals no gap either: confirmed, the carve-out is still unknown.
    const exposed = agreement('partial-ecommerce', {
      record,
      annotations: [{ ...ecommerce('CUSTOMS_DUTIES'), status: AnnotationStatus.PROPOSED }],
    });
    const r = computeCoherence(input([exposed]));
    const gap = r.agreements[0].checks.find(
      (c) => c.ruleId === 'G19.4/ecommerce-without-cultural-carve-out',
    )!;
    expect(gap.pendingOutcome).not.toBe('NOT_MET');
    expect(r.findings.filter((f) => f.paragraph === '19.4').map((f) => f.severity)).not.toContain('HIGH');
  });

  it('treats agreements signed before the Convention as context, not failures', () => {
    const old = agreement('old', { dateSigned: '1994-12-17', annotations: [ecommerce('CUSTOMS_DUTIES')] });
    const r = computeCoherence(input([old]));
    expect(r.agreements[0].legacy).toBe(true);
    expect(r.findings.filter((f) => f.outcome === 'NOT_MET')).toEqual([]);
  });

  it('gives HIGH only with an operative commitment as evidence', () => {
    const unknownForce = agreement('unk', {
      annotations: [{ ...ecommerce('CUSTOMS_DUTIES'), bindingForce: null }],
    });
    const f = computeCoherence(input([unknownForce])).findings.find((x) => x.paragraph === '19.4')!;
    expect(f).toMatchObject({ outcome: 'NOT_MET', severity: 'LOW' });
  });

  it('scores each paragraph as the share of assessed agreements that meet it, and by year', () => {
    const score = (p: string) => report.scores.find((s) => s.paragraph === p)!;
    expect(score('19.5')).toMatchObject({ assessed: 3, met: 1, share: 1 / 3 });
    expect(score('19.4')).toMatchObject({ assessed: 1, met: 0, share: 0 });
    expect(score('18.2')).toMatchObject({ assessed: 0, met: 0, share: null });
    expect(report.trend.filter((t) => t.paragraph === '19.5')).toEqual([
      { paragraph: '19.5', year: 2015, assessed: 2, met: 1, share: 0.5 },
      { paragraph: '19.5', year: 2016, assessed: 1, met: 0, share: 0 },
    ]);
  });

  it('counts an agreement as meeting a paragraph only when no rule of it is unknown', () => {
    // Excerpts with an implicit reference: "some reference" is met, "names the Convention" cannot be judged.
    const implicitOnly = agreement('implicit', {
      dateSigned: '2015-03-01',
      annotations: [annotation(C.CONVENTION_REF_IMPLICIT, { key: 'preamble' })],
      record: recordCompleteness(RecordCoverage.EXCERPTS, null, 5),
    });
    const r = computeCoherence(input([implicitOnly, explicit]));
    const outcomes = r.agreements[0].checks.filter((c) => c.paragraph === '19.5').map((c) => c.outcome);
    expect(outcomes.sort()).toEqual(['MET', 'UNKNOWN']);
    // "Agreements refer explicitly to the 2005 Convention": 1 of 1 assessed, not 2 of 2, and the one left out is
    // counted as not assessed, so that 100% of one agreement is never read as 100% of the party's.
    expect(r.scores.find((s) => s.paragraph === '19.5')).toMatchObject({
      assessed: 1,
      met: 1,
      share: 1,
      notAssessed: 1,
    });
    expect(r.trend.filter((t) => t.paragraph === '19.5')).toEqual([
      { paragraph: '19.5', year: 2015, assessed: 1, met: 1, share: 1 },
    ]);
    const table = coherenceDocument(r, {
      linkBase: 'http://x',
      generatedAt: '2026-01-01T00:00:00Z',
    }).sections.find((s) => s.id === 'agreements')!;
    expect(table.table!.rows.map((row) => [row.agreement, row['p19.5']])).toEqual([
      ['IMPLICIT', 'UNKNOWN'],
      ['EXPLICIT', { text: 'MET', href: 'http://x/provisions/explicit/preamble' }],
    ]);
  });

  it('links "meets" to a provision that meets every rule of the paragraph met: 19.5 to the one naming the Convention (EU - Ukraine Art. 440, not Art. 430)', () => {
    // EU - Ukraine: Art. 430 refers to cultural diversity only, Art. 440 names the Convention. "Agreements refer
    // explicitly to the 2005 Convention: meets" linked to Art. 430, the first reference, which names no Convention.
    const ukraine = agreement('eu-ukraine-aa', {
      dateSigned: '2014-06-27',
      annotations: [
        annotation(C.CONVENTION_REF_IMPLICIT, { key: 'art-430' }),
        annotation(C.CONVENTION_REF_EXPLICIT, { key: 'art-440' }),
      ],
    });
    const document = coherenceDocument(computeCoherence(input([ukraine])), {
      linkBase: 'http://x',
      generatedAt: '2026-01-01T00:00:00Z',
    });
    const row = document.sections.find((s) => s.id === 'agreements')!.table!.rows[0];
    expect(row['p19.5']).toEqual({ text: 'MET', href: 'http://x/provisions/eu-ukraine-aa/art-440' });
  });

  it('says no commitments were found among the provisions held, never that there are none, in every language (truth16)', () => {
    // The three rules that do not apply without commitments read only the provisions held: on excerpts (DEPA, held in
    // 7 provisions) the agreement may have commitments the catalogue does not hold, so they cannot say the rule does
    // not apply: not known (it said NOT_APPLICABLE, "no commitments found"). On a full text, not applicable, said as
    // found among the provisions held. French said "Aucun engagement sur les services" (none) where English said
    // "found"; none of the three said "held".
    const excerpts = agreement('held-in-part', {
      dateSigned: '2020-06-12',
      record: recordCompleteness(RecordCoverage.EXCERPTS, null, 7),
    });
    const whole = agreement('held-whole', {
      dateSigned: '2020-06-12',
      record: recordCompleteness(RecordCoverage.FULL_TEXT, null, 40),
    });
    const rules = [
      'G19.4/ecommerce-without-cultural-carve-out',
      'G19.4/services-investment-without-audiovisual-exclusion',
      'G19.1/inconsistent-cultural-protection',
    ];
    const heldIn = {
      en: 'among the provisions held',
      fr: 'dans les dispositions détenues',
      es: 'entre las disposiciones que se tienen',
    };
    const notKnown = {
      en: 'This cannot be judged on the record held.',
      fr: 'Impossible de juger sur la fiche détenue.',
      es: 'No se puede juzgar con la ficha que se tiene.',
    };
    for (const lang of ['en', 'fr', 'es'] as const) {
      for (const [record, outcome, says] of [
        [excerpts, 'UNKNOWN', notKnown[lang]],
        [whole, 'NOT_APPLICABLE', heldIn[lang]],
      ] as const) {
        const checks = coherenceIn(lang, computeCoherence(input([record]))).agreements[0].checks;
        for (const id of rules) {
          const check = checks.find((c) => c.ruleId === id)!;
          expect({
            lang,
            id,
            record: record.slug,
            outcome: check.outcome,
            says: check.message.includes(says),
          }).toEqual({
            lang,
            id,
            record: record.slug,
            outcome,
            says: true,
          });
        }
      }
    }
  });

  it("keeps an unknown outcome that cites evidence as the agreement's own finding, with its evidence", () => {
    // Two records of excerpts of the same size read alike; each implicit reference is still cited.
    const [a, b] = ['first', 'second'].map((slug) =>
      agreement(slug, {
        dateSigned: '2015-03-01',
        annotations: [annotation(C.CONVENTION_REF_IMPLICIT, { key: 'preamble' })],
        record: recordCompleteness(RecordCoverage.EXCERPTS, null, 13),
      }),
    );
    const r = computeCoherence(input([a, b]));
    const unknown = r.findings.filter((f) => f.ruleId === 'G19.5/implicit-reference-only');
    expect(unknown.map((f) => [f.outcome, f.agreement?.slug, f.evidence.map((e) => e.pinpoint)])).toEqual([
      ['UNKNOWN', 'first', ['first/preamble']],
      ['UNKNOWN', 'second', ['second/preamble']],
    ]);
  });

  it('reports a missing Convention date once, as INFO, naming the agreements', () => {
    const unknown = computeCoherence(
      input([explicit, silent], {
        party: party('SGP', { conventionStatus: ConventionStatusKind.UNKNOWN, conventionInForce: null }),
      }),
    );
    const info = unknown.findings.filter((f) => f.paragraph === '19.5');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'INFO', agreement: null });
    expect(info[0].message).toContain('Concerns 2 agreements: EXPLICIT, SILENT');
    expect(unknown.notes.some((n) => n.includes('not recorded in the catalogue'))).toBe(true);
  });

  it('says a rule does not apply, not that its Convention date is missing, when it would apply on no date (Ecuador, one agreement, 19.1)', () => {
    // Ecuador: a Party whose date the sources do not give, bound by one agreement (EU - Colombia/Peru/Ecuador) with
    // e-commerce commitments. 19.1 compares agreements of one period: with no other agreement it applies whatever
    // the date, and its finding told the ministry to compare the agreement with "the agreements of the same period
    // that protect culture (listed in the finding)", of which there are none.
    const ecu = party('ECU', { name: 'Ecuador', conventionInForce: null, conventionDepositYear: null });
    const only = agreement('only', { dateSigned: '2012-06-26', annotations: [ecommerce('CUSTOMS_DUTIES')] });
    const r = computeCoherence({ ...input([only]), party: ecu });
    const outcome = (id: string) => r.agreements[0].checks.find((c) => c.ruleId === id)!;
    expect(outcome('G19.1/inconsistent-cultural-protection')).toMatchObject({
      outcome: 'NOT_APPLICABLE',
      message: 'No other agreement of 2010–2014 to compare with.',
    });
    expect(r.findings.map((f) => f.paragraph).sort()).toEqual(['19.4', '19.5']);
    // A rule the date decides stays unknown: the 19.4 and 19.5 checks.
    expect(outcome('G19.5/no-convention-reference').outcome).toBe('UNKNOWN');
    expect(outcome('G19.4/ecommerce-without-cultural-carve-out').outcome).toBe('UNKNOWN');
    // Proposals that would make the rule apply (a peer protecting culture) leave it unknown: not applicable only on
    // every view.
    const proposedPeer = agreement('peer', {
      dateSigned: '2013-01-01',
      annotations: [
        { ...ecommerce('CUSTOMS_DUTIES'), status: AnnotationStatus.PROPOSED },
        annotation(C.CULTURAL_EXEMPTION, { status: AnnotationStatus.PROPOSED }),
      ],
    });
    const withPeer = computeCoherence({ ...input([only, proposedPeer]), party: ecu });
    expect(
      withPeer.agreements[0].checks.find((c) => c.ruleId === 'G19.1/inconsistent-cultural-protection')!
        .outcome,
    ).toBe('UNKNOWN');
  });

  it('says which annotations it counts', () => {
    expect(report.notes[0]).toContain('ACCEPTED annotations only');
    expect(computeCoherence(input([], { includeProposed: true })).notes[0]).toContain(
      'ACCEPTED and PROPOSED',
    );
  });

  it.each(WHOLE_REPORT_FORMATS)('renders as %s', async (format) => {
    const document = coherenceDocument(report, {
      linkBase: 'http://localhost:3000',
      generatedAt: '2026-01-01T00:00:00Z',
    });
    const file = await renderReport(document, format);
    expect(file.body.length).toBeGreaterThan(500);
    if (format === 'html')
      expect(String(file.body)).toContain('href="http://localhost:3000/provisions/exposed/');
  });
  it('shows the evidence table’s binding force, status and detail as words to a reader, as codes to a script', async () => {
    const document = (language: 'en' | 'fr' | 'es') =>
      coherenceDocument(report, { linkBase: 'http://x', generatedAt: '2026-01-01T00:00:00Z', language });
    // The evidence table's row: the one naming the annotation's code.
    const row = (body: string) => body.split('\n').find((line) => line.includes('ECOMMERCE'))!;
    // The e-commerce rule cites the CUSTOMS_DUTIES provision, binding and accepted.
    const md = async (language: 'en' | 'fr' | 'es') =>
      row(String((await renderReportHere(document(language), 'md')).body));
    expect(await md('fr')).toMatch(
      /\| contraignante \| acceptée \| les droits de douane sur les transmissions électroniques \|/,
    );
    expect(await md('es')).toMatch(
      /\| vinculante \| aceptada \| los derechos de aduana sobre las transmisiones electrónicas \|/,
    );
    expect(await md('en')).toMatch(/\| binding \| accepted \| customs duties \|/);
    expect(await md('fr')).not.toMatch(/BINDING|ACCEPTED|CUSTOMS_DUTIES/);
    const html = String((await renderReportHere(document('fr'), 'html')).body);
    expect(row(html)).toContain('<td>contraignante</td><td>acceptée</td>');
    // CSV and JSON keep the codes, in every language.
    for (const language of ['en', 'fr', 'es'] as const) {
      const csv = String((await renderReportHere(document(language), 'csv', { sectionId: 'evidence' })).body);
      expect(row(csv)).toMatch(/,BINDING,ACCEPTED,CUSTOMS_DUTIES,/);
      const json = JSON.parse(String((await renderReportHere(document(language), 'json')).body));
      const evidence = json.sections.find((x: { id: string }) => x.id === 'evidence').table;
      expect(evidence.rows[0]).toMatchObject({
        binding: 'BINDING',
        status: 'ACCEPTED',
        detail: ['CUSTOMS_DUTIES'],
      });
    }
    const xlsx = await renderReportHere(document('fr'), 'xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const values: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => values.push(String(c.value)))));
    expect(values).toContain('contraignante');
    expect(values).not.toContain('BINDING');
  });

  it('keeps the outcome and severity codes in CSV, the ZIP and JSON in every language, words for a reader (findings23)', async () => {
    // /reports/coherence/JAM.json?lang=fr read outcome "NON SATISFAITE", the ZIP's findings.csv "NON SATISFAITE,ÉLEVÉE".
    const document = (language: 'en' | 'fr' | 'es') =>
      coherenceDocument(report, { linkBase: 'http://x', generatedAt: '2026-01-01T00:00:00Z', language });
    for (const language of ['en', 'fr', 'es'] as const) {
      const json = JSON.parse(String((await renderReportHere(document(language), 'json')).body));
      const table = (id: string) => json.sections.find((x: { id: string }) => x.id === id).table;
      expect(table('findings').rows.map((r: { outcome: string }) => r.outcome)).toEqual(
        report.findings.map((f) => f.outcome),
      );
      expect(
        table('findings').rows.map((r: { severity: string | { text: string } }) =>
          typeof r.severity === 'string' ? r.severity : r.severity.text,
        ),
      ).toEqual(report.findings.map((f) => f.severity));
      expect(
        table('rules').rows.every((r: { severity: { text: string } }) => /^[A-Z]+$/.test(r.severity.text)),
      ).toBe(true);
      const csv = String((await renderReportHere(document(language), 'csv', { sectionId: 'findings' })).body);
      expect(csv).toMatch(/\n1,NOT_MET,HIGH,19\.4,/);
      const zip = (await renderReportHere(document(language), 'zip')).body as Buffer;
      const JSZip = (await import('jszip')).default;
      const archive = await JSZip.loadAsync(zip);
      const findings = Object.keys(archive.files).find((name) =>
        /findings|constats|constataciones|hallazgos/.test(name),
      )!;
      expect(await archive.file(findings)!.async('string')).toMatch(/\n1,NOT_MET,HIGH,19\.4,/);
    }
    // A reader sees the words, as the evidence table's.
    const md = String((await renderReportHere(document('fr'), 'md')).body);
    expect(md).toMatch(/\| 1 \| NON SATISFAITE \| ÉLEVÉE \|/);
    expect(String((await renderReportHere(document('es'), 'html')).body)).toContain('NO CUMPLIDA');
  });

  it("writes codes in the ZIP's agreements.csv in every language, as its findings.csv, the words for a reader (reports24)", async () => {
    // The French ZIP's findings.csv said NOT_MET, its agreements.csv "non satisfait" and "partie originelle".
    const { parse } = await import('csv-parse/sync');
    const JSZip = (await import('jszip')).default;
    const acceded = agreement('joined', {
      dateSigned: '2016-01-01',
      role: 'ACCEDED',
      annotations: [ecommerce('CUSTOMS_DUTIES')],
    });
    const r = computeCoherence(input([explicit, silent, exposed, acceded]));
    const codes = new Set([
      'MET',
      'MET_ON_PROPOSALS',
      'NOT_MET',
      'NOT_MET_ON_PROPOSALS',
      'PENDING_REVIEW',
      'LEGACY',
      'UNKNOWN',
      'NOT_APPLICABLE',
    ]);
    const tables: Record<string, Record<string, string>[]> = {};
    for (const language of ['en', 'fr', 'es'] as const) {
      const document = coherenceDocument(r, {
        linkBase: 'http://x',
        generatedAt: '2026-01-01T00:00:00Z',
        language,
      });
      const archive = await JSZip.loadAsync((await renderReportHere(document, 'zip')).body as Buffer);
      const texts = await Promise.all(Object.values(archive.files).map((f) => f.async('string')));
      const agreementsCsv = texts.find((x) => /^\uFEFF?[^\n]*§19\.5,/.test(x) && x.includes('§19.1'))!;
      const rows = parse(agreementsCsv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(4);
      for (const row of rows)
        for (const p of ['§19.5', '§19.4', '§18.2', '§19.1'])
          expect({ language, p, value: row[p], code: codes.has(row[p]) }).toMatchObject({
            language,
            p,
            code: true,
          });
      tables[language] = rows;
    }
    // The same values in every language, under the language's headers.
    const values = (rows: Record<string, string>[]) => rows.map((row) => Object.values(row).slice(1));
    const byPosition = (lang: string) =>
      values(tables[lang]).map((row) =>
        row.filter((v) => codes.has(v) || v === 'ACCEDED' || /^(true|false)$/.test(v)),
      );
    expect(byPosition('fr')).toEqual(byPosition('en'));
    expect(byPosition('es')).toEqual(byPosition('en'));
    expect(values(tables.fr).flat()).toContain('ACCEDED');
    // A reader sees the words.
    const md = String(
      (
        await renderReportHere(
          coherenceDocument(r, { linkBase: 'http://x', generatedAt: '2026-01-01T00:00:00Z', language: 'fr' }),
          'md',
        )
      ).body,
    );
    expect(md).toContain('non satisfait');
    expect(md).toContain('adhésion après la signature');
    expect(md.split('\n').filter((l) => /\| (NOT_MET|ACCEDED|NOT_APPLICABLE) \|/.test(l))).toEqual([]);
  });

  it('says a report without findings has none, in the gender French gives "constat"', () => {
    const none = computeCoherence(input([]));
    const subtitle = (language: 'en' | 'fr' | 'es') =>
      coherenceDocument(none, { linkBase: 'http://x', generatedAt: '2026-01-01T00:00:00Z', language })
        .subtitle;
    expect(subtitle('en')).toMatch(/findings: none$/);
    expect(subtitle('fr')).toMatch(/constats : aucun$/);
    expect(subtitle('es')).toMatch(/constataciones: ninguna$/);
  });

  it("says how many agreements are counted in force on ToTA's status of 2017, on a date after 2017 only", () => {
    // Turkey - Jordan, "In Force" on the WTO card ToTA copied in 2017, ended in 2018: Jordan's 2026 report counted it.
    const copied = agreement('copied', { dateSigned: '2009-12-01', statusOf2017: true });
    const curated = agreement('curated', { dateSigned: '2010-01-01' });
    const note = (asOf: string, lang: 'en' | 'fr' | 'es' = 'en') =>
      coherenceIn(lang, computeCoherence({ ...input([copied, curated]), asOf })).notes.find((n) =>
        n.includes('ToTA'),
      );
    expect(note('2026-12-05')).toBe(
      "1 of these 2 agreements is counted as in force on the status imported from ToTA (the WTO's record as ToTA copied it in 2017, or DESTA's later list where that record said signed only), not re-checked since: an agreement that has ended after that is still counted unless the catalogue records its end (its page names the source of its status).",
    );
    expect(note('2026-12-05', 'fr')).toContain('1 de ces 2 accords est compté comme en vigueur');
    expect(note('2026-12-05', 'es')).toContain('1 de estos 2 acuerdos se cuenta como en vigor');
    expect(note('2017-06-30')).toBeUndefined();
    expect(
      computeCoherence({ ...input([curated]), asOf: '2026-12-05' }).notes.some((n) => n.includes('ToTA')),
    ).toBe(false);
  });

  it("says a party's non-Party status as of the date its sources stop, in the notes and the parameters", () => {
    // fixtures/parties.json: the United States is NOT_PARTY as of 2012-01-12 (convention/not_parties.csv, medium:
    // no deposit in the Austrian notices to that date, no positive statement for later dates).
    const us = party('USA', {
      name: 'United States',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
      conventionAsOf: '2012-01-12',
    });
    const doc = (asOf: string) => {
      const r = computeCoherence(input([agreement('a')], { party: us, asOf }));
      const d = coherenceDocument(r, { linkBase: 'http://x', generatedAt: '2026-01-01T00:00:00Z' });
      return {
        note: r.notes.find((n) => n.startsWith('The United States is not a Party')),
        inForce: d.parameters['Convention in force for the party'],
      };
    };
    // Today the sources say nothing: the note said "is not a Party", and the parameter "unknown (status NOT_PARTY)".
    expect(doc('2024-01-01')).toEqual({
      note: 'The United States is not a Party to the Convention as far as the sources go (as of 2012-01-12; none later): the rules on what the Convention expects do not apply.',
      inForce: 'no: not a Party as far as the sources go (as of 2012-01-12; none later)',
    });
    expect(doc('2010-01-01')).toEqual({
      note: 'The United States is not a Party to the Convention: the rules on what the Convention expects do not apply.',
      inForce: 'no: not a Party on 2010-01-01',
    });
  });
  it('says nothing met or not met of a party that is not a Party, the information on partners included', () => {
    // Japan (NOT_PARTY as of 2017-03): its agreement with Brunei (NOT_PARTY as of 2021-05-26) read "not met" under
    // INFO/partners-not-convention-parties, whose reason is what Article 21 asks of Parties.
    const jpn = party('JPN', {
      name: 'Japan',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
      conventionAsOf: '2017-03',
    });
    const brn = party('BRN', {
      name: 'Brunei Darussalam',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
      conventionAsOf: '2021-05-26',
    });
    const r = computeCoherence(
      input([agreement('brunei-japan', { dateSigned: '2007-06-18', partners: [brn] })], {
        party: jpn,
        asOf: '2026-12-05',
      }),
    );
    const outcomes = r.agreements[0].checks.map((c) => [c.ruleId, c.outcome]);
    expect(outcomes.filter(([, outcome]) => outcome !== 'NOT_APPLICABLE')).toEqual([]);
    expect(
      r.agreements[0].checks.find((c) => c.ruleId === 'INFO/partners-not-convention-parties')!.message,
    ).toBe(
      'Japan is not a Party to the Convention (as of 2017-03, the latest the sources say), so its expectations do not apply.',
    );
    // In French and Spanish a month takes "en", a day "au" / "a" ("au mars 2017" was printed).
    const gateIn = (lang: 'fr' | 'es', report: typeof r) =>
      coherenceIn(lang, report).agreements[0].checks.find(
        (c) => c.ruleId === 'INFO/partners-not-convention-parties',
      )!.message;
    expect(gateIn('fr', r)).toContain('(en mars 2017, la dernière date que donnent les sources)');
    expect(gateIn('es', r)).toContain('(en marzo de 2017, la última fecha que dan las fuentes)');
    const onDay = computeCoherence(
      input([agreement('brunei-japan', { dateSigned: '2007-06-18', partners: [brn] })], {
        party: { ...jpn, conventionAsOf: '2017-03-01' },
        asOf: '2026-12-05',
      }),
    );
    expect(gateIn('fr', onDay)).toContain('(au 1er mars 2017, la dernière');
    expect(r.findings).toEqual([]);
    // A Party is still told which partners are not Parties.
    const party2 = computeCoherence(
      input([agreement('brunei-x', { dateSigned: '2007-06-18', partners: [brn] })], { asOf: '2026-12-05' }),
    );
    expect(
      party2.agreements[0].checks.find((c) => c.ruleId === 'INFO/partners-not-convention-parties')!.outcome,
    ).toBe('NOT_MET');
  });

  it('tells no partner apart as not a Party on a date the party was not one itself (Canada on 2006-05-01, NAFTA) (truth16)', () => {
    // Canada: the Convention in force for it from 2007-03-18 (fixtures/parties.json). Its report as of 2006-05-01
    // said "Partners not Parties to the Convention on 2006-05-01: Mexico, the United States" (NOT_MET, INFO): what
    // Article 21 asks of Parties, asked of Canada on a date nobody was one.
    const can = party('CAN', { name: 'Canada', conventionInForce: '2007-03-18' });
    const usa = party('USA', {
      name: 'United States of America',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
      conventionAsOf: '2012-01-12',
    });
    const nafta = agreement('nafta', { dateSigned: '1992-12-17', partners: [usa] });
    const info = (asOf: string, p = can) =>
      computeCoherence(input([nafta], { party: p, asOf })).agreements[0].checks.find(
        (c) => c.ruleId === 'INFO/partners-not-convention-parties',
      )!;
    expect(info('2006-05-01')).toMatchObject({
      outcome: 'NOT_APPLICABLE',
      message:
        'Canada was not yet a Party to the Convention on 2006-05-01 (in force for it from 2007-03-18), so its expectations did not apply then.',
    });
    expect(computeCoherence(input([nafta], { party: can, asOf: '2006-05-01' })).findings).toEqual([]);
    expect(computeCoherence(input([nafta], { party: can, asOf: '2006-05-01' })).notes).toContain(
      info('2006-05-01').message,
    );
    expect(info('2007-05-01').outcome).toBe('NOT_MET');
    // Whatever the party's own date, nobody was a Party before the Convention entered into force (2007-03-18).
    expect(
      info('2006-05-01', { ...can, conventionInForce: null, conventionDepositYear: 2006 }),
    ).toMatchObject({
      outcome: 'NOT_APPLICABLE',
      message: expect.stringContaining('not yet a Party to the Convention on 2006-05-01'),
    });
    for (const lang of ['fr', 'es'] as const)
      expect(
        coherenceIn(
          lang,
          computeCoherence(input([nafta], { party: can, asOf: '2006-05-01' })),
        ).agreements[0].checks.find((c) => c.ruleId === 'INFO/partners-not-convention-parties')!.message,
      ).toMatch(lang === 'fr' ? /n’était pas encore Partie/ : /aún no era Parte/);
  });

  it('says the Convention was not yet in force for a Party known by its year of deposit, on a date before the earliest it can have been (Uganda, 2015)', () => {
    // Uganda: deposit in 2015, day not recorded (fixtures/parties.json), so in force for it from 2015-04-01 at the
    // earliest and by 2016-03-31 at the latest. Its report as of 2010-01-01 found "Partners not Parties to the
    // Convention on 2010-01-01: Tanzania" under the EAC Treaty: what Article 21 asks of Parties, of Uganda before it
    // was one.
    const uga = party('UGA', { name: 'Uganda', conventionInForce: null, conventionDepositYear: 2015 });
    const tza = party('TZA', {
      name: 'United Republic of Tanzania',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
      conventionAsOf: '2026-01-01',
    });
    const eac = agreement('eac-treaty', { dateSigned: '1999-11-30', partners: [tza] });
    const report = (asOf: string) => computeCoherence(input([eac], { party: uga, asOf }));
    const info = (asOf: string) =>
      report(asOf).agreements[0].checks.find((c) => c.ruleId === 'INFO/partners-not-convention-parties')!;
    expect(info('2010-01-01')).toMatchObject({
      outcome: 'NOT_APPLICABLE',
      message:
        'Uganda was not yet a Party to the Convention on 2010-01-01 (instrument deposited in 2015, so in force for it from 2015-04-01 at the earliest), so its expectations did not apply then.',
    });
    expect(report('2010-01-01').findings).toEqual([]);
    // The report says so in its notes too, not only in each check: it read "no rule of the report applies".
    expect(report('2010-01-01').notes).toContain(
      'Uganda was not yet a Party to the Convention on 2010-01-01 (instrument deposited in 2015, so in force for it from 2015-04-01 at the earliest), so its expectations did not apply then.',
    );
    // The day before the earliest, still not; between the earliest and the latest, nobody can say.
    expect(info('2015-03-31').outcome).toBe('NOT_APPLICABLE');
    expect(info('2015-04-01')).toMatchObject({
      outcome: 'UNKNOWN',
      message:
        'Whether Uganda was a Party to the Convention on 2015-04-01 is not known: its instrument was deposited in 2015 (day not recorded), so the Convention entered into force for it between 2015-04-01 and 2016-03-31.',
    });
    expect(report('2015-04-01').findings.map((f) => [f.ruleId, f.outcome])).toEqual([
      ['INFO/partners-not-convention-parties', 'UNKNOWN'],
    ]);
    expect(report('2015-04-01').notes).toContain(info('2015-04-01').message);
    // From the latest, a Party: its partner that is not one is named, and no note says otherwise.
    expect(info('2016-03-31').outcome).toBe('NOT_MET');
    expect(report('2016-03-31').notes.join(' ')).not.toMatch(/not yet a Party|is not known: its instrument/);
    for (const [lang, words] of [
      ['fr', /n’était pas encore Partie à la Convention au 1er janv\. 2010 \(instrument déposé en 2015/],
      ['es', /aún no era Parte en la Convención el 1 ene 2010 \(instrumento depositado en 2015/],
    ] as const)
      expect(
        coherenceIn(lang, report('2010-01-01')).agreements[0].checks.find(
          (c) => c.ruleId === 'INFO/partners-not-convention-parties',
        )!.message,
      ).toMatch(words);
  });

  it('does not say an agreement did not bind the party on the date when it joined or left it on no recorded day', () => {
    // ToTA pta_4 (CEFTA 2006, in force 2007-05-01) lists Croatia among its original parties only (it left; ToTA
    // gives no date; DESTA 193_2 gives the year 2013); ToTA pta_67 (EFTA - Croatia) ended on 2013-11-24.
    const hrv = party('HRV', { name: 'Croatia' });
    const { agreement: _a, ...cefta } = {
      agreement: null,
      ...agreement('cefta', { shortTitle: 'CEFTA 2006' }),
    };
    const efta = agreement('efta-croatia', { shortTitle: 'EFTA - Croatia', dateTerminated: '2013-11-24' });
    const r = computeCoherence(
      input([], {
        party: hrv,
        asOf: '2010-01-01',
        leftOut: [
          { ...cefta, datesUnknown: true },
          { ...efta, datesUnknown: false },
        ],
      }),
    );
    const note = r.notes.find((n) => n.startsWith('Agreements that bind Croatia'))!;
    // It said: "2 other agreements ... are left out (not binding it on that date: ..., or joined or left on a date
    // no source gives ...): CEFTA 2006, EFTA - Croatia."
    expect(note).toContain('left out, not binding it on that date: EFTA - Croatia.');
    expect(note).toContain('whether it bound Croatia on that date is not known: CEFTA 2006.');
    expect(note).not.toMatch(/not binding it on that date[^.]*CEFTA/);
  });

  it('says an agreement that ended on no recorded day ended so, not that the party joined or left it', () => {
    // ToTA pta_97 (Eurasian Economic Community): "Inactive" with no date_inactive. Kyrgyzstan's report counted it
    // as binding on 2026-12-05; once left out, the note must not say Kyrgyzstan joined or left it on no recorded day.
    const eaec = agreement('eurasian-economic-community-eaec', {
      shortTitle: 'Eurasian Economic Community (EAEC)',
      status: AgreementStatus.TERMINATED,
      dateInForce: '1997-10-08',
      dateTerminated: null,
    });
    const eaeu = agreement('eurasian-economic-union-eaeu', { shortTitle: 'EAEU' });
    const r = computeCoherence(
      input([], {
        party: party('KGZ', { name: 'Kyrgyzstan' }),
        asOf: '2026-12-05',
        leftOut: [
          // The loader's reason (`undatedReason`): the agreement ended on no recorded day.
          { ...eaec, datesUnknown: true, endedUndated: true },
          { ...eaeu, datesUnknown: true },
        ],
      }),
    );
    const note = r.notes.find((n) => n.startsWith('Agreements that bind Kyrgyzstan'))!;
    expect(note).toContain('whether it bound Kyrgyzstan on that date is not known: EAEU.');
    expect(note).toContain(
      '1 agreement of Kyrgyzstan ended on a date no source gives (recorded as terminated, with no date of termination) and is left out: whether it bound Kyrgyzstan on that date is not known: Eurasian Economic Community (EAEC).',
    );
    expect(note).not.toMatch(/joined or left [^:]*: [^.]*EAEC/);
    expect(r.leftOutDatesUnknown).toEqual([
      'eurasian-economic-community-eaec',
      'eurasian-economic-union-eaeu',
    ]);
    expect(r.leftOutEndedUndated).toEqual(['eurasian-economic-community-eaec']);
  });

  it('says the agreements in force by a later bound "as well" when another list of agreements left out comes first, in every language', () => {
    // AANZFTA for Cambodia: in force for it on or before 2011-02-01 (its own day not recorded); asked of 2010-06-01
    // beside an agreement that does not bind it then, the bound's list read "1 agreement of Cambodia is left out",
    // as if it were the first (the joined and left lists said "1 other agreement ... as well").
    const khm = party('KHM', { name: 'Cambodia' });
    const aanzfta = agreement('aanzfta', { shortTitle: 'AANZFTA' });
    const later = agreement('later-fta', { shortTitle: 'Later FTA' });
    const leftOut = [
      { ...later, datesUnknown: false, notBound: { reason: 'APPLIES_LATER' as const, date: '2012-01-01' } },
      { ...aanzfta, datesUnknown: true, inForceBy: '2011-02-01' },
    ];
    const note = (lang: 'en' | 'fr' | 'es', list: typeof leftOut) =>
      coherenceIn(lang, computeCoherence(input([], { party: khm, asOf: '2010-06-01', leftOut: list })))
        .notes[1];
    expect(note('en', leftOut)).toContain(
      '1 other agreement of Cambodia is left out as well, as not known to bind Cambodia on that date: in force for Cambodia on or before a later day the sources give, its own day not recorded: AANZFTA (on or before 2011-02-01).',
    );
    expect(note('fr', leftOut)).toMatch(
      /1 autre accord du Cambodge est aussi laissé de côté, faute de savoir/,
    );
    expect(note('es', leftOut)).toMatch(/Otro acuerdo de Camboya queda también fuera: no se sabe si/);
    // Alone, it is the first list: no "other".
    expect(note('en', leftOut.slice(1))).toContain(
      '1 agreement of Cambodia is left out as not known to bind Cambodia on that date',
    );
  });

  it('names the bloc a member is bound through by its name, in the form the sentence asks', () => {
    const eu = party('EUN', { name: 'European Union' });
    const bound = (language: 'en' | 'fr' | 'es') =>
      coherenceIn(
        language,
        computeCoherence(
          input([{ ...agreement('eu-korea-fta', { dateSigned: '2010-10-06', parties: [eu] }), via: 'EUN' }], {
            party: party('NLD', { name: 'Netherlands' }),
            asOf: '2014-06-01',
          }),
        ),
      ).notes.find((n) => /EUN|[Ee]urop/.test(n));
    // It said "through EUN", "par l’intermédiaire de EUN".
    expect(bound('en')).toMatch(/^The Netherlands is bound by 1 agreement through the European Union, /);
    expect(bound('fr')).toMatch(/^1 accord lie les Pays-Bas par l’intermédiaire de l’Union européenne, /);
    expect(bound('es')).toMatch(/^1 acuerdo obliga a los Países Bajos a través de la Unión Europea, /);
  });

  it('says a member bound through its bloc by an agreement the bloc signed before it joined is bound from its own accession', () => {
    // Croatia (EU member from 2013-07-01) and EU-Korea (signed 2010): its own protocol applies the agreement to it,
    // not its entry into the EU. The note said "from the later of the agreement's application and its accession to
    // the bloc" only, which was false of the EEA and EU-Colombia-Peru (Croatia joined them in 2014 and later).
    const r = computeCoherence(
      input([{ ...agreement('eu-korea-fta', { dateSigned: '2010-10-06' }), via: 'EUN' }], {
        party: party('HRV', { name: 'Croatia' }),
        asOf: '2014-06-01',
      }),
    );
    const note = r.notes.find((n) => n.startsWith('Croatia is bound by 1 agreement through '))!;
    expect(note).toContain(
      'for an agreement the bloc signed before it joined: from its accession to the bloc where the bloc concluded it alone, else from its own accession to the agreement',
    );
    // The EEA: no source here dates Croatia's own accession; the agreement's page names none for it either.
    const eea = agreement('european-economic-area-eea', { shortTitle: 'EEA', dateSigned: '1992-05-02' });
    const unknown = computeCoherence(
      input([], {
        party: party('HRV', { name: 'Croatia' }),
        asOf: '2014-06-01',
        leftOut: [{ ...eea, datesUnknown: true }],
      }),
    );
    expect(unknown.notes.join(' ')).toContain(
      "for a member of a bloc that joined it after the bloc signed, no source here gives its own accession, by which a mixed agreement, or one not recorded as the bloc's alone, binds it): whether it bound Croatia on that date is not known: EEA.",
    );
  });

  it('gives the agreements table the same columns for every kind of party, in every format (findings23)', async () => {
    // FRA/PRT had `via`, HRV `via` and `role`, JAM/BRB/KNA `firstDates` instead of `via`: a script reading by
    // position read another column from one party to the next.
    const reports = {
      plain: computeCoherence(input([silent])),
      member: computeCoherence(
        input([{ ...agreement('eu-korea', { dateSigned: '2010-10-06' }), via: 'EUN' }], {
          party: party('FRA', { name: 'France' }),
        }),
      ),
      acceded: computeCoherence(
        input(
          [{ ...agreement('depa', { dateSigned: '2020-06-12' }), via: 'EUN', role: 'ACCEDED' as const }],
          {
            party: party('HRV', { name: 'Croatia' }),
          },
        ),
      ),
      firstDates: computeCoherence(
        input([agreement('epa', { agreementFirstDates: true, inForceInferred: true })], {
          party: party('JAM', { name: 'Jamaica' }),
        }),
      ),
    };
    const keys = new Set<string>();
    const headers = new Set<string>();
    for (const r of Object.values(reports)) {
      const document = coherenceDocument(r, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' });
      keys.add(
        document.sections
          .find((s) => s.id === 'agreements')!
          .table!.columns.map((c) => c.key)
          .join(),
      );
      const csv = String((await renderReportHere(document, 'csv', { sectionId: 'agreements' })).body);
      headers.add(csv.replace(/^\uFEFF/, '').split('\n')[0]);
    }
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/firstDates,atLatest,inferred,via,role,partners/);
    expect(headers.size).toBe(1);
  });

  it("says which agreements date the party only by the agreement's first date (three or more sides)", () => {
    // CAFTA-DR: in force 2006-03-01 for the United States and El Salvador only; Costa Rica 2009-01-01.
    const cafta = agreement('cafta-dr', { shortTitle: 'CAFTA-DR', agreementFirstDates: true });
    const r = computeCoherence(input([cafta, silent], { party: party('CRI', { name: 'Costa Rica' }) }));
    expect(r.agreements.map((a) => [a.agreement.slug, a.agreementFirstDates])).toEqual([
      ['cafta-dr', true],
      ['silent', false],
    ]);
    expect(r.notes.find((n) => n.startsWith('For 1 agreement of three or more parties'))).toBe(
      "For 1 agreement of three or more parties, no date of its own is recorded for Costa Rica: the date given is the agreement's first (its first entry into force or provisional application, perhaps for other parties only); it bound Costa Rica from then or later, and is counted from then, though it may have bound Costa Rica only later: CAFTA-DR.",
    );
    expect(computeCoherence(input([silent])).notes.join(' ')).not.toContain('three or more parties');
    // French and Spanish said it may have "entered into force" for the party only later, where English says "bound":
    // the EU - CARIFORUM EPA, applied provisionally since 2008, has entered into force for no one (Jamaica's date is
    // its first). They say "applies", as English says "bound", provisional application included.
    const epa = agreement('eu-cariforum-epa', {
      shortTitle: 'EU-CARIFORUM EPA',
      status: AgreementStatus.PROVISIONALLY_APPLIED,
      agreementFirstDates: true,
    });
    const jamaica = computeCoherence(input([epa], { party: party('JAM', { name: 'Jamaica' }) }));
    const firstDates = (lang: 'fr' | 'es') =>
      coherenceIn(lang, jamaica).notes.find((n) => n.includes('EU-CARIFORUM EPA'))!;
    expect(firstDates('fr')).not.toMatch(/entrée? en vigueur à son égard/);
    expect(firstDates('fr')).toContain(
      'bien qu’il ne s’applique peut-être à son égard que depuis une date plus tardive',
    );
    expect(firstDates('es')).not.toMatch(/entró en vigor a su respecto/);
    expect(firstDates('es')).toContain('aunque quizá solo se aplica a su respecto desde una fecha posterior');
    const table = (report: typeof r) =>
      coherenceDocument(report, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' }).sections.find(
        (s) => s.id === 'agreements',
      )!.table!;
    expect(table(r).rows.map((row) => [row.agreement, row.applied, row.firstDates])).toEqual([
      ['CAFTA-DR', '2016-01-01', true],
      ['SILENT', '2016-01-01', false],
    ]);
    expect(table(r).columns.find((c) => c.key === 'firstDates')?.label).toBe(
      "Date is the agreement's first (the party's own not recorded)",
    );
    // A party with no such agreement has the column too, every row "no" (findings23: the same columns for all).
    expect(table(computeCoherence(input([silent]))).rows.map((row) => row.firstDates)).toEqual([false]);
  });

  it('says in the agreements table which dates are the signature of an agreement in force with no date', () => {
    // EFTA - Philippines (in force by DESTA 965, 2018, on no day a source here gives): Switzerland's table said
    // "Applied to the party since 2016-04-28", its signature, with nothing in the row to say so.
    const undated = agreement('undated', { shortTitle: 'UNDATED', inForceInferred: true });
    const r = computeCoherence(input([undated, silent], { party: party('CHE', { name: 'Switzerland' }) }));
    const table = (report: typeof r) =>
      coherenceDocument(report, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' }).sections.find(
        (s) => s.id === 'agreements',
      )!.table!;
    expect(table(r).rows.map((row) => [row.agreement, row.inferred])).toEqual([
      ['UNDATED', true],
      ['SILENT', false],
    ]);
    expect(table(r).columns.find((c) => c.key === 'inferred')?.label).toBe(
      'Date is the signature (no date of entry into force recorded)',
    );
    expect(table(computeCoherence(input([silent]))).rows.map((row) => row.inferred)).toEqual([false]);
  });
});
