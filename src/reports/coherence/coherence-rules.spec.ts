import { BindingForce } from '../../annotations/annotation.enums';
import { RecordCoverage, RecordPart } from '../../agreements/agreement.enums';
import { recordCompleteness } from '../../agreements/record-completeness';
import { ConventionStatusKind, PartyKind } from '../../parties/party.enums';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import { CoherenceRule, RuleCheckResult } from './coherence-rule';
import { say } from '../common/report-texts';
import { computeCoherence, conventionApplies } from './coherence-compute';
import {
  agreement,
  annotation,
  ecommerce,
  input,
  party,
  servicesChapter,
} from '../../../test/support/coherence-test-data';
import { ecommerceWithoutCarveOut, servicesWithoutAudiovisualExclusion } from './rules/commitments.rules';
import { inconsistentProtection } from './rules/consistency.rule';
import { implicitReferenceOnly, noConventionReference } from './rules/convention-reference.rules';
import { partnersNotParties } from './rules/partners-convention.rule';
import { noPreferentialTreatment } from './rules/preferential-treatment.rule';

/** A rule's result with its sentences in English, as the API gives them. */
const english = (r: RuleCheckResult) => ({
  ...r,
  message: say('en', r.message),
  absence: r.absence && say('en', r.absence),
});

function check(rule: CoherenceRule, a: CoherenceAgreementFacts, i: CoherenceInput = input([a])) {
  return english(
    rule.check({
      input: { ...i, agreements: i.agreements.includes(a) ? i.agreements : [...i.agreements, a] },
      agreement: a,
    }),
  );
}

describe('G19.5/no-convention-reference', () => {
  it('finds an agreement signed after the Convention entered into force for the party with no reference', () => {
    const r = check(noConventionReference, agreement('a', { dateSigned: '2015-01-01' }));
    expect(r.outcome).toBe('NOT_MET');
    expect(r.absence).toBe('a reference to the Convention or to cultural diversity');
    expect(r.message).not.toMatch(/CONVENTION_REF|annotation/);
  });

  it('is met by an explicit or implicit reference, with the provision as evidence', () => {
    const r = check(
      noConventionReference,
      agreement('a', { annotations: [annotation(C.CONVENTION_REF_EXPLICIT, { key: 'preamble' })] }),
    );
    expect(r.outcome).toBe('MET');
    expect(r.evidence.map((e) => e.pinpoint)).toEqual(['a/preamble']);
    expect(
      check(noConventionReference, agreement('b', { annotations: [annotation(C.CONVENTION_REF_IMPLICIT)] }))
        .outcome,
    ).toBe('MET');
  });

  it('applies in time only: not before the adoption or the entry into force for the party, nor to a non-party', () => {
    const applies = (a: CoherenceAgreementFacts, i: CoherenceInput = input([a])) => {
      const gate = conventionApplies(i, a);
      return gate && english(gate);
    };
    expect(applies(agreement('old', { dateSigned: '1994-01-01' }))).toMatchObject({
      outcome: 'NOT_APPLICABLE',
      message: expect.stringContaining('before the Convention was adopted (2005-10-20)'),
    });
    expect(applies(agreement('a', { dateSigned: '2006-05-01' }))?.outcome).toBe('NOT_APPLICABLE');
    expect(applies(agreement('a', { dateSigned: '2008-05-01' }))).toBeNull();
    const nonParty = input([], {
      party: party('USA', { conventionStatus: ConventionStatusKind.NOT_PARTY, conventionInForce: null }),
    });
    expect(applies(agreement('a'), nonParty)?.outcome).toBe('NOT_APPLICABLE');
    const asOf2012 = input([], {
      party: party('USA', {
        name: 'United States',
        conventionStatus: ConventionStatusKind.NOT_PARTY,
        conventionInForce: null,
        conventionAsOf: '2012-01-12',
      }),
    });
    expect(applies(agreement('a'), asOf2012)?.message).toBe(
      'The United States is not a Party to the Convention (as of 2012-01-12, the latest the sources say), so its expectations do not apply.',
    );
    const unknown = input([], {
      party: party('SGP', { conventionStatus: ConventionStatusKind.UNKNOWN, conventionInForce: null }),
    });
    const r = applies(agreement('a'), unknown)!;
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.message).toContain('not recorded');
    expect(applies(agreement('a', { dateSigned: null }))?.outcome).toBe('UNKNOWN');
  });
});

describe('G19.5/implicit-reference-only', () => {
  it('finds an implicit reference without the Convention named', () => {
    const r = check(
      implicitReferenceOnly,
      agreement('a', { annotations: [annotation(C.CONVENTION_REF_IMPLICIT, { key: 'preamble' })] }),
    );
    expect(r.outcome).toBe('NOT_MET');
    expect(r.evidence[0].pinpoint).toBe('a/preamble');
  });

  it('is met by an explicit reference and does not apply without any reference', () => {
    expect(
      check(implicitReferenceOnly, agreement('a', { annotations: [annotation(C.CONVENTION_REF_EXPLICIT)] }))
        .outcome,
    ).toBe('MET');
    const none = check(implicitReferenceOnly, agreement('a'));
    expect(none.outcome).toBe('NOT_APPLICABLE');
    // Said of the provisions held: on excerpts, "no reference at all" would state an absence nobody checked.
    expect(none.message).toBe(
      'No reference to the Convention or to cultural diversity among the provisions held (the other 19.5 rule reports it).',
    );
  });
});

describe('G19.4/ecommerce-without-cultural-carve-out', () => {
  it('finds binding customs-duties or digital-products obligations with no carve-out, citing them', () => {
    const r = check(
      ecommerceWithoutCarveOut,
      agreement('a', { annotations: [ecommerce('CUSTOMS_DUTIES'), ecommerce('PAPERLESS_TRADE')] }),
    );
    expect(r.outcome).toBe('NOT_MET');
    expect(r.evidence).toHaveLength(1);
    expect(r.evidence[0].detail).toEqual(['CUSTOMS_DUTIES']);
    expect(
      check(
        ecommerceWithoutCarveOut,
        agreement('b', { annotations: [ecommerce('OTHER', 'DIGITAL_PRODUCTS_NON_DISCRIMINATION')] }),
      ).outcome,
    ).toBe('NOT_MET');
  });

  it('is met by a carve-out or a cultural exemption', () => {
    for (const code of [C.ECOMMERCE_CULTURAL_CARVE_OUT, C.CULTURAL_EXEMPTION]) {
      const r = check(
        ecommerceWithoutCarveOut,
        agreement('a', { annotations: [ecommerce('CUSTOMS_DUTIES'), annotation(code)] }),
      );
      expect(r.outcome).toBe('MET');
      expect(r.evidence[0].code).toBe(code);
    }
  });

  it('does not apply to other e-commerce subtypes or to best-endeavour wording', () => {
    expect(
      check(ecommerceWithoutCarveOut, agreement('a', { annotations: [ecommerce('PAPERLESS_TRADE')] }))
        .outcome,
    ).toBe('NOT_APPLICABLE');
    const soft = { ...ecommerce('CUSTOMS_DUTIES'), bindingForce: BindingForce.BEST_ENDEAVOUR };
    expect(check(ecommerceWithoutCarveOut, agreement('a', { annotations: [soft] })).outcome).toBe(
      'NOT_APPLICABLE',
    );
  });
});

describe('G19.4/services-investment-without-audiovisual-exclusion', () => {
  it('finds a services chapter with no audiovisual exclusion, citing its first article', () => {
    const r = check(
      servicesWithoutAudiovisualExclusion,
      agreement('a', { servicesChapters: [servicesChapter('a')] }),
    );
    expect(r.outcome).toBe('NOT_MET');
    expect(r.evidence[0]).toMatchObject({
      pinpoint: 'a/art-9.1',
      note: 'first article of chapter 9 "Trade in Services"',
    });
    expect(r.operative).toBe(false);
    expect(
      check(servicesWithoutAudiovisualExclusion, agreement('b', { types: ['INVESTMENT'] })).outcome,
    ).toBe('NOT_MET');
  });

  it('is met by an audiovisual exclusion without saying that it excludes more than its text does', () => {
    // CPTPP Art. 13.2 (telecommunications) leaves out the broadcasting of radio and television only, and counts as an
    // audiovisual exclusion; the report said "Audiovisual services or cultural industries are excluded".
    const r = check(
      servicesWithoutAudiovisualExclusion,
      agreement('a', {
        servicesChapters: [servicesChapter('a')],
        annotations: [annotation(C.AUDIOVISUAL_EXCLUSION, { key: 'art-13.2' })],
      }),
    );
    expect(r.outcome).toBe('MET');
    expect(r.evidence.map((e) => e.pinpoint)).toEqual(['a/art-13.2']);
    expect(r.message).toBe(
      'Carries an audiovisual exclusion or a cultural exemption (the provisions cited say what each leaves out).',
    );
  });

  it('cannot judge an EIA whose text held has no services chapter: its services may be in an instrument not held', () => {
    // ToTA's ASEAN - India (pta_328) is the 2009 goods agreement, typed EIA from the WTO card, which covers the
    // 2014 services agreement too; Viet Nam's report said it had services commitments with no audiovisual exclusion.
    const typeOnly = check(servicesWithoutAudiovisualExclusion, agreement('b', { types: ['FTA', 'EIA'] }));
    expect(typeOnly.outcome).toBe('UNKNOWN');
    expect(typeOnly.message).toContain('EIA');
    expect(typeOnly.message).toContain('not known');
    expect(typeOnly.evidence).toEqual([]);
    expect(
      check(
        servicesWithoutAudiovisualExclusion,
        agreement('c', { types: ['FTA', 'EIA'], servicesChapters: [servicesChapter('c')] }),
      ).outcome,
    ).toBe('NOT_MET');
    // Selected provisions only: the services chapter may be among the parts not held; that absence is judged as any.
    const excerpts = agreement('d', {
      types: ['FTA', 'EIA'],
      record: recordCompleteness(RecordCoverage.EXCERPTS, [RecordPart.MAIN_TEXT], 5),
    });
    expect(check(servicesWithoutAudiovisualExclusion, excerpts)).toMatchObject({
      outcome: 'NOT_MET',
      absence: 'an audiovisual exclusion or cultural exemption',
    });
  });

  it('is met by an audiovisual exclusion or a cultural exemption, and does not apply to goods-only agreements', () => {
    const excluded = agreement('a', {
      servicesChapters: [servicesChapter('a')],
      annotations: [annotation(C.AUDIOVISUAL_EXCLUSION)],
    });
    expect(check(servicesWithoutAudiovisualExclusion, excluded).outcome).toBe('MET');
    expect(
      check(
        servicesWithoutAudiovisualExclusion,
        agreement('b', { types: ['INVESTMENT'], annotations: [annotation(C.CULTURAL_EXEMPTION)] }),
      ).outcome,
    ).toBe('MET');
    expect(check(servicesWithoutAudiovisualExclusion, agreement('c', { types: ['FTA'] })).outcome).toBe(
      'NOT_APPLICABLE',
    );
  });
});

describe('G18.2/no-preferential-treatment', () => {
  const developingPartner = party('GHA', { name: 'Ghana', developing: true });

  it('finds a developed party with a developing partner and no preferential treatment', () => {
    const r = check(noPreferentialTreatment, agreement('a', { partners: [developingPartner] }));
    expect(r.outcome).toBe('NOT_MET');
    expect(r.message).toContain('Ghana');
  });

  it('is met by preferential treatment; does not apply with developed partners only or to a developing party', () => {
    const granted = agreement('a', {
      partners: [developingPartner],
      annotations: [annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { detail: ['ARTIST_MOBILITY'] })],
    });
    expect(check(noPreferentialTreatment, granted).outcome).toBe('MET');
    expect(check(noPreferentialTreatment, agreement('b', { partners: [party('NOR')] })).outcome).toBe(
      'NOT_APPLICABLE',
    );
    const developingParty = input([], { party: party('KEN', { developing: true }) });
    expect(
      check(noPreferentialTreatment, agreement('c', { partners: [developingPartner] }), developingParty)
        .outcome,
    ).toBe('NOT_APPLICABLE');
    const unknownParty = input([], { party: party('XXX', { developing: null }) });
    expect(
      check(noPreferentialTreatment, agreement('d', { partners: [developingPartner] }), unknownParty).outcome,
    ).toBe('UNKNOWN');
  });

  it('cannot decide, rather than "no developing partner", where a partner is not known to be bound or not classed (truth20)', () => {
    // Ghana bound on days not recorded (it joined on a date no source gives), or a partner whose income group is not
    // recorded: either may be a developing partner the party would grant to. "No developing-country partner" was unfounded.
    const undated = agreement('u', { partners: [party('NOR')], partnersDatesUnknown: [developingPartner] });
    const r = check(noPreferentialTreatment, undated);
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.message).toContain('Ghana (GHA)');
    expect(r.message).not.toContain('No developing-country partner');
    const unclassed = agreement('v', { partners: [party('XXX', { name: 'Nowhere', developing: null })] });
    expect(check(noPreferentialTreatment, unclassed).outcome).toBe('UNKNOWN');
    expect(check(noPreferentialTreatment, unclassed).message).toContain('Nowhere (XXX)');
    // A developed partner not known to be bound changes nothing; a developing partner known to be bound decides.
    const developedUndated = agreement('w', {
      partners: [party('NOR')],
      partnersDatesUnknown: [party('ISL')],
    });
    expect(check(noPreferentialTreatment, developedUndated).outcome).toBe('NOT_APPLICABLE');
    const known = agreement('x', {
      partners: [developingPartner],
      partnersDatesUnknown: [party('KEN', { name: 'Kenya', developing: true })],
    });
    expect(check(noPreferentialTreatment, known).outcome).toBe('NOT_MET');
  });

  it('cannot decide where the record lists no party of the other side (truth20)', () => {
    const alone = agreement('alone', { partners: [], otherSideRecorded: false });
    const r = check(noPreferentialTreatment, alone);
    expect(r.outcome).toBe('UNKNOWN');
    expect(r.message).toContain('records no party of the other side');
    expect(check(partnersNotParties, alone).outcome).toBe('UNKNOWN');
    // Partners recorded, none bound on the date: known, and said so, not "every partner is a Party".
    const notYet = agreement('later', { partners: [] });
    expect(check(noPreferentialTreatment, notYet).outcome).toBe('NOT_APPLICABLE');
    const info = check(partnersNotParties, notYet);
    expect(info.outcome).toBe('NOT_APPLICABLE');
    expect(info.message).not.toContain('Every partner');
    const undated = agreement('undated', {
      partners: [],
      partnersDatesUnknown: [party('KEN', { name: 'Kenya' })],
    });
    expect(check(partnersNotParties, undated).outcome).toBe('UNKNOWN');
    expect(check(partnersNotParties, undated).message).toContain('Kenya (KEN)');
    // Partners bound on the date, all Parties, and another bound on days not recorded: "every partner" says which.
    const some = agreement('some', {
      partners: [party('NOR')],
      partnersDatesUnknown: [party('KEN', { name: 'Kenya' })],
    });
    const met = check(partnersNotParties, some);
    expect(met.outcome).toBe('MET');
    expect(met.message).toBe(
      'Every partner bound on 2024-01-01 is a Party to the Convention; Kenya (KEN), bound on days not recorded, is not judged here.',
    );
  });

  it("asks a developed party nothing for the developing partners on its own side of a bloc's agreement (truth15: Panama)", () => {
    // fixtures/agreements/eu-central-america-aa.json: the EU's help for the artisanal goods of the Republics of the
    // CA Party (Art. 60) goes to Panama's side; Panama, high income (World Bank FY23), grants its neighbours nothing
    // under the agreement. Its report said 18.2 was met (the EU's help as Panama's evidence), or, without Art. 60,
    // not met for lack of preferential treatment for Costa Rica and Nicaragua. Panama's Convention date is not
    // recorded (fixtures/parties.json), which hid it there: a date is given here.
    const eu = party('EUN', { name: 'European Union', kind: PartyKind.BLOC, developing: false });
    const panama = party('PAN', { name: 'Panama', developing: false, conventionInForce: '2007-03-18' });
    const neighbours = [
      party('CRI', { name: 'Costa Rica', developing: true }),
      party('NIC', { name: 'Nicaragua', developing: true }),
    ];
    // As the report's loader gives them: the EU its one partner, its neighbours on its own side (`sameSide`).
    const helped = agreement('ca', {
      dateSigned: '2012-06-29',
      partners: [eu],
      onItsSide: neighbours,
      annotations: [annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { detail: ['TECHNICAL_ASSISTANCE'] })],
    });
    const met = check(noPreferentialTreatment, helped, input([helped], { party: panama }));
    expect(met.outcome).toBe('NOT_APPLICABLE');
    expect(met.evidence).toEqual([]);
    expect(met.message).toContain('Panama grants them nothing under it (the bloc does)');
    expect(met.message).toContain('the developing countries Costa Rica, Nicaragua (on the World Bank');
    expect(met.message).toContain('the bloc on the other, its one partner there');
    const bare = agreement('ca2', { dateSigned: '2012-06-29', partners: [eu], onItsSide: neighbours });
    expect(check(noPreferentialTreatment, bare, input([bare], { party: panama })).outcome).toBe(
      'NOT_APPLICABLE',
    );
    // The EU, on the other side, is asked for both.
    const forEu = input([bare], { party: eu });
    const euBare = agreement('ca3', { dateSigned: '2012-06-29', partners: [panama, ...neighbours] });
    const euCheck = check(noPreferentialTreatment, euBare, forEu);
    expect(euCheck.outcome).toBe('NOT_MET');
    expect(euCheck.message).toContain('2 partners are developing countries');
  });
});

describe('G18.2 for a developing party: what it receives, whatever the dates', () => {
  // fixtures/agreements/eu-cariforum-epa.json: the EC Party lets contractual service suppliers of the CARIFORUM
  // States (entertainment services other than audiovisual among them) supply services in its territory (Art. 83,
  // ToTA pta_368). That is preferential treatment for Jamaica, granted by the EU, not by Jamaica.
  const eu = party('EUN', { name: 'European Union', kind: PartyKind.BLOC, developing: false });
  const jamaica = party('JAM', { name: 'Jamaica', developing: true, conventionInForce: '2007-08-04' });
  const epa = agreement('epa', {
    dateSigned: '2008-10-15',
    partners: [eu, party('DOM', { name: 'Dominican Republic', developing: true })],
    annotations: [
      annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { key: 'art-83', detail: ['ARTIST_MOBILITY'] }),
    ],
  });

  it('names who grants it the preferential treatment the agreement records, with the provisions', () => {
    const r = check(noPreferentialTreatment, epa, input([epa], { party: jamaica }));
    expect(r.outcome).toBe('NOT_APPLICABLE');
    expect(r.message).toContain('Jamaica is a developing country');
    expect(r.message).toContain('granted by the European Union');
    expect(r.message).not.toMatch(/Jamaica grants|Grants preferential/);
    expect(r.evidence.map((e) => e.pinpoint)).toEqual(['epa/art-83']);
  });

  it("names no partner on the party's own side of a bloc's agreement as granting it anything (truth8: Panama)", () => {
    // fixtures/agreements/eu-central-america-aa.json: the EU's help for the artisanal goods of the Republics of the
    // CA Party. Panama, one of them, is high income (World Bank FY23), so developed in the taxonomy; Costa Rica's
    // report said the help was "granted by the European Union, Panama", where the flows report has the EU alone.
    const costaRica = party('CRI', { name: 'Costa Rica', developing: true, conventionInForce: '2011-12-15' });
    const ca = agreement('ca', {
      dateSigned: '2012-06-29',
      partners: [eu, party('PAN', { name: 'Panama', developing: false }), party('NIC', { developing: true })],
      annotations: [annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { detail: ['TECHNICAL_ASSISTANCE'] })],
    });
    const r = check(noPreferentialTreatment, ca, input([ca], { party: costaRica }));
    expect(r.outcome).toBe('NOT_APPLICABLE');
    expect(r.message).toContain('granted by the European Union.');
    expect(r.message).not.toContain('Panama');
  });

  it('names nobody as granting a member state bound through its bloc anything (truth8: Bulgaria, granted by Panama)', () => {
    // Bulgaria is upper middle income (World Bank FY23), bound by EU - Central America through the EU: its report
    // said the agreement's help was "granted by Panama", a partner on the other side.
    const bulgaria = party('BGR', { name: 'Bulgaria', developing: true, conventionInForce: '2007-03-18' });
    const ca = agreement('ca', {
      dateSigned: '2012-06-29',
      via: 'EUN',
      partners: [party('PAN', { name: 'Panama', developing: false }), party('CRI', { developing: true })],
      annotations: [annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { detail: ['TECHNICAL_ASSISTANCE'] })],
    });
    const r = check(noPreferentialTreatment, ca, input([ca], { party: bulgaria }));
    expect(r.outcome).toBe('NOT_APPLICABLE');
    expect(r.message).not.toContain('granted by');
  });

  it('says nothing is received where no partner is developed', () => {
    const south = agreement('south', {
      partners: [party('DOM', { developing: true })],
      annotations: [annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { detail: ['CO_PRODUCTION'] })],
    });
    const r = check(noPreferentialTreatment, south, input([south], { party: jamaica }));
    expect(r.outcome).toBe('NOT_APPLICABLE');
    expect(r.message).not.toContain('granted by');
  });

  it('is not applicable to a developing party even where its Convention date is not recorded', () => {
    // fixtures/parties.json: Peru's date is not recorded (convention/parties.csv, low confidence), and Peru is upper
    // middle income (World Bank FY23). 18.2 asks developed parties, so no date can make it apply to Peru.
    const peru = party('PER', { name: 'Peru', developing: true, conventionInForce: null });
    const r = computeCoherence(input([epa], { party: peru }));
    const check18 = r.agreements[0].checks.find((c) => c.ruleId === noPreferentialTreatment.id)!;
    expect(check18.outcome).toBe('NOT_APPLICABLE');
    expect(check18.message).toContain('Peru is a developing country');
    // The rules that do ask Peru something still wait for the date.
    expect(r.agreements[0].checks.find((c) => c.ruleId === 'G19.5/no-convention-reference')!.outcome).toBe(
      'UNKNOWN',
    );
  });
});

describe('G18.2: which classification says who is developing', () => {
  // Party.developing is read from one list, the World Bank's FY23 income groups, for every agreement whatever its
  // year: Chile, high income in FY23, was upper middle income when it signed with Colombia in 2006 (the fixture's
  // sources). A finding that rests on it says so.
  it('says which income groups decided that no partner, or the party, is developing', () => {
    const noneDeveloping = check(noPreferentialTreatment, agreement('b', { partners: [party('PAN')] }));
    expect(noneDeveloping.outcome).toBe('NOT_APPLICABLE');
    expect(noneDeveloping.message).toContain('World Bank FY23 income groups');
    expect(noneDeveloping.message).toContain('when the agreement was signed');
    const developingParty = input([], { party: party('KEN', { name: 'Kenya', developing: true }) });
    const party_ = check(
      noPreferentialTreatment,
      agreement('c', { partners: [party('GHA', { developing: true })] }),
      developingParty,
    );
    expect(party_.message).toContain('World Bank FY23 income groups');
    const notMet = check(
      noPreferentialTreatment,
      agreement('a', { partners: [party('GHA', { name: 'Ghana', developing: true })] }),
    );
    expect(notMet.message).toContain('World Bank FY23 income groups');
  });
});

describe('G19.1/inconsistent-cultural-protection', () => {
  const exposed = (slug: string, dateSigned: string, protectedBy?: C) =>
    agreement(slug, {
      dateSigned,
      types: ['EIA'],
      annotations: protectedBy ? [annotation(protectedBy, { key: 'art-av' })] : [],
    });

  it('finds an unprotected agreement in a period where another one protects culture, listing it', () => {
    const a = exposed('a', '2011-01-01');
    const b = exposed('b', '2013-05-01', C.AUDIOVISUAL_EXCLUSION);
    const r = check(inconsistentProtection, a, input([a, b]));
    expect(r.outcome).toBe('NOT_MET');
    expect(r.message).toContain('2010–2014');
    expect(r.message).toContain('B');
    expect(r.evidence.map((e) => e.pinpoint)).toEqual(['b/art-av']);
    expect(check(inconsistentProtection, b, input([a, b])).outcome).toBe('MET');
  });

  it('does not compare across periods, and meets nothing where no agreement of the period protects culture', () => {
    const a = exposed('a', '2011-01-01');
    const b = exposed('b', '2016-05-01', C.CULTURAL_EXEMPTION);
    expect(check(inconsistentProtection, a, input([a, b])).outcome).toBe('NOT_APPLICABLE');
    const c = exposed('c', '2012-01-01');
    // Alike in protecting nothing: the paragraph's score must not count it as met (Switzerland's 19.1 did).
    const alike = check(inconsistentProtection, a, input([a, b, c]));
    expect(alike.outcome).toBe('NOT_APPLICABLE');
    expect(alike.message).toContain('Nothing to compare');
    expect(alike.message).toContain('2010–2014');
    expect(check(inconsistentProtection, agreement('goods', { types: ['FTA'] }), input([a, c])).outcome).toBe(
      'NOT_APPLICABLE',
    );
  });

  it('says 19.1 cannot be checked only where the signature date is not recorded (truth22 audit)', () => {
    const undated = agreement('u', { dateSigned: null, types: ['EIA'] });
    const dated = exposed('d', '2012-01-01');
    const r = check(inconsistentProtection, undated, input([undated, dated]));
    expect([r.outcome, r.message]).toEqual([
      'UNKNOWN',
      'The signature date is not recorded, so 19.1 cannot be checked.',
    ]);
    expect(check(inconsistentProtection, dated, input([undated, dated])).message).not.toContain(
      'signature date is not recorded',
    );
  });
});

describe('INFO/partners-not-convention-parties', () => {
  it('names partners that are not Parties, and those whose status is unknown', () => {
    const us = party('USA', {
      name: 'United States',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
    });
    const sg = party('SGP', {
      name: 'Singapore',
      conventionStatus: ConventionStatusKind.UNKNOWN,
      conventionInForce: null,
    });
    const r = check(partnersNotParties, agreement('a', { partners: [us, sg] }));
    expect(r.outcome).toBe('NOT_MET');
    expect(r.message).toContain('United States (USA)');
    expect(r.message).toContain('Singapore (SGP)');
    expect(check(partnersNotParties, agreement('b', { partners: [sg] })).outcome).toBe('UNKNOWN');
  });

  it('says how far the sources go for a partner recorded as not a Party as of an earlier date', () => {
    // The fixtures: the United States is NOT_PARTY as of 2012-01-12, "no positive statement for later dates".
    const us = party('USA', {
      name: 'United States',
      conventionStatus: ConventionStatusKind.NOT_PARTY,
      conventionInForce: null,
      conventionAsOf: '2012-01-12',
    });
    const later = check(
      partnersNotParties,
      agreement('a', { partners: [us] }),
      input([], { asOf: '2024-01-01' }),
    );
    expect(later.outcome).toBe('NOT_MET');
    expect(later.message).not.toContain('on 2024-01-01');
    expect(later.message).toContain('United States (USA), as of 2012-01-12');
    const within = check(
      partnersNotParties,
      agreement('b', { partners: [us] }),
      input([], { asOf: '2010-01-01' }),
    );
    expect(within.message).toBe('Partners not Parties to the Convention on 2010-01-01: United States (USA).');
  });

  it('is met when every partner is a Party by the report date', () => {
    expect(check(partnersNotParties, agreement('a', { partners: [party('FRA')] })).outcome).toBe('MET');
    const late = party('LAT', { conventionInForce: '2030-01-01' });
    expect(check(partnersNotParties, agreement('b', { partners: [late] })).outcome).toBe('NOT_MET');
  });
});
