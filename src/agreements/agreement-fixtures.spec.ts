import {
  AnnotationOrigin,
  AnnotationStatus,
  EcommerceSubtype,
  GUIDELINES_DETAIL,
  PreferentialMechanism,
} from '../annotations/annotation.enums';
import { BindingPartyRow, BlocMembershipFact, computeBindings } from '../bindings/binding';
import { readPartyFixtures } from '../parties/party-fixtures';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import { readTaxonomyFixtures } from '../taxonomy/taxonomy-fixtures';
import { mentionsDate } from '../../test/support/written-dates';
import { readAgreementFixtures } from './agreement-fixtures';

/** The notes a party's own date may be sourced in: its field's, the parties', or the per-party dates'. */
const PARTY_DATE_NOTES = {
  dateInForce: ['dateInForce', 'parties', 'partyDates'],
  dateProvisionallyApplied: ['dateProvisionallyApplied', 'parties', 'partyDates'],
} as const;

describe('fixtures', () => {
  const agreements = readAgreementFixtures();
  const partyFixtures = readPartyFixtures();
  const parties = new Set(partyFixtures.map((p) => p.code));
  const taxonomy = readTaxonomyFixtures();

  it('has at least 30 valid agreements, each with its sources recorded', () => {
    expect(agreements.length).toBeGreaterThanOrEqual(30);
    for (const a of agreements) {
      expect({
        slug: a.slug,
        hasSource: a.sources.length > 0 && Object.keys(a.factSources ?? {}).length > 0,
      }).toEqual({
        slug: a.slug,
        hasSource: true,
      });
    }
  });

  it('uses only known party codes and related slugs', () => {
    const slugs = new Set(agreements.map((a) => a.slug));
    for (const a of agreements) {
      for (const p of a.parties)
        expect({ slug: a.slug, code: p.code, known: parties.has(p.code) }).toMatchObject({ known: true });
      for (const r of a.related)
        expect({ slug: a.slug, related: r.slug, known: slugs.has(r.slug) }).toMatchObject({ known: true });
    }
  });

  it('annotates with the allowed detail values, as accepted manual annotations with a binding force', () => {
    const allowed: Record<string, string[]> = {
      [TaxonomyCodeId.ECOMMERCE_PROVISION]: Object.values(EcommerceSubtype),
      [TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE]: Object.values(PreferentialMechanism),
      [TaxonomyCodeId.CONVENTION_REF_EXPLICIT]: [GUIDELINES_DETAIL],
    };
    for (const a of agreements) {
      for (const p of a.provisions) {
        expect({ pinpoint: `${a.slug}/${p.key}`, summarised: Boolean(p.summary) }).toMatchObject({
          summarised: true,
        });
        for (const an of p.annotations) {
          const where = `${a.slug}/${p.key} ${an.code}`;
          expect({ where, status: an.status, origin: an.origin }).toEqual({
            where,
            status: AnnotationStatus.ACCEPTED,
            origin: AnnotationOrigin.MANUAL,
          });
          expect({ where, binding: an.bindingForce ?? null }).not.toEqual({ where, binding: null });
          for (const d of an.detail)
            expect({ where, detail: d, ok: (allowed[an.code] ?? []).includes(d) }).toMatchObject({
              ok: true,
            });
        }
      }
    }
  });

  it('gives every taxonomy code, in the order of the spec, with the enum detail values', () => {
    expect(taxonomy.map((c) => c.code)).toEqual(Object.values(TaxonomyCodeId));
    const byCode = new Map(taxonomy.map((c) => [c.code, c]));
    expect(byCode.get(TaxonomyCodeId.ECOMMERCE_PROVISION)!.detailValues).toEqual(
      Object.values(EcommerceSubtype),
    );
    expect(byCode.get(TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE)!.detailValues).toEqual(
      Object.values(PreferentialMechanism),
    );
  });

  it('has real examples of every taxonomy code', () => {
    const used = new Set(
      agreements.flatMap((a) => a.provisions.flatMap((p) => p.annotations.map((an) => an.code))),
    );
    expect([...Object.values(TaxonomyCodeId)].filter((c) => !used.has(c))).toEqual([]);
  });

  it("gives each party's own date a source that names it, never before the party's signature", () => {
    const problems: string[] = [];
    for (const a of agreements) {
      for (const p of a.parties) {
        for (const field of ['dateInForce', 'dateProvisionallyApplied'] as const) {
          const date = p[field];
          if (!date) continue;
          const where = `${a.slug} ${p.code} ${field} ${date}`;
          const notes = PARTY_DATE_NOTES[field].map((k) => a.factSources?.[k] ?? '').join(' ');
          if (!mentionsDate(notes, date))
            problems.push(`${where}: no factSources note (${PARTY_DATE_NOTES[field].join(', ')}) gives it`);
          const signed = p.dateSigned ?? a.dateSigned;
          if (signed && date < signed) problems.push(`${where}: before the signature (${signed})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  const allBindings = new Map<string, ReturnType<typeof computeBindings>>();

  it("dates by the agreement's first date only the parties whose own date no source gives", () => {
    // Each of these is named in its fixture's factSources as not established from a source.
    const notEstablished: Record<string, string[]> = {
      aanzfta: ['BRN', 'MYS', 'MMR', 'PHL', 'SGP', 'VNM'],
      'asean-china': ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'CHN'],
      rcep: ['MMR'],
    };
    const memberships: BlocMembershipFact[] = partyFixtures.flatMap((bloc) =>
      (bloc.members ?? []).map((m) => ({
        bloc: bloc.code,
        member: m.code,
        dateJoined: m.dateJoined,
        dateLeft: m.dateLeft,
        dateBoundUntil: m.dateBoundUntil ?? null,
      })),
    );
    const territoryOf = new Map(partyFixtures.map((p) => [p.code, p.territoryOf ?? null]));
    const flagged: Record<string, string[]> = {};
    agreements.forEach((a, id) => {
      const rows: BindingPartyRow[] = a.parties.map((p) => ({
        code: p.code,
        role: p.role,
        dateJoined: p.dateJoined ?? null,
        dateWithdrawn: p.dateWithdrawn ?? null,
        withdrawn: p.withdrawn ?? Boolean(p.dateWithdrawn),
        signatoryOnly: p.signatoryOnly,
        dateSigned: p.dateSigned ?? null,
        dateProvisionallyApplied: p.dateProvisionallyApplied ?? null,
        dateInForce: p.dateInForce ?? null,
        territoryOf: territoryOf.get(p.code) ?? null,
      }));
      const facts = {
        id,
        status: a.status,
        dateSigned: a.dateSigned ?? null,
        dateProvisionallyApplied: a.dateProvisionallyApplied ?? null,
        dateInForce: a.dateInForce ?? null,
        dateTerminated: a.dateTerminated ?? null,
        concludedBy: a.concludedBy ?? null,
      };
      const bindings = computeBindings(facts, rows, memberships);
      allBindings.set(a.slug, bindings);
      const codes = bindings.filter((b) => b.agreementFirstDates && b.via === null).map((b) => b.partyCode);
      if (codes.length) flagged[a.slug] = codes;
    });
    expect(flagged).toEqual(notEstablished);
  });

  it('binds an acceding party from the day its sources say it began to apply the agreement', () => {
    // Ecuador's Protocol of Accession to the EU - Colombia - Peru agreement has applied provisionally since
    // 2017-01-01 (factSources.parties); recorded as the date it joined alone, Ecuador was bound from the
    // agreement's entry into force in full (2024-11-01), and its report for 2020 left the agreement out.
    const ecuador = allBindings.get('eu-colombia-peru-ecuador-ta')!.find((b) => b.partyCode === 'ECU')!;
    expect([ecuador.appliedFrom, ecuador.inForceFrom]).toEqual(['2017-01-01', '2024-11-01']);
    // Every acceding party with a date of accession and none of application is bound from that date or the
    // agreement's own first date, whichever is later: its accession is no later than the agreement's start.
    const late = agreements.flatMap((a) =>
      a.parties
        .filter((p) => p.role === 'ACCEDED' && p.dateJoined && !p.dateProvisionallyApplied && !p.dateInForce)
        .filter((p) => {
          const b = allBindings.get(a.slug)!.find((x) => x.partyCode === p.code && x.via === null)!;
          const start = [
            p.dateJoined!,
            a.dateProvisionallyApplied ?? a.dateInForce ?? p.dateJoined!,
          ].sort()[1];
          return b.appliedFrom !== start;
        })
        .map((p) => `${a.slug} ${p.code}`),
    );
    expect(late).toEqual([]);
  });
});
