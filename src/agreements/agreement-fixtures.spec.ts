import {
  AnnotationOrigin,
  AnnotationStatus,
  EcommerceSubtype,
  GUIDELINES_DETAIL,
  PreferentialMechanism,
} from '../annotations/annotation.enums';
import { readPartyFixtures } from '../parties/party-fixtures';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import { readTaxonomyFixtures } from '../taxonomy/taxonomy-fixtures';
import { readAgreementFixtures } from './agreement-fixtures';

describe('fixtures', () => {
  const agreements = readAgreementFixtures();
  const parties = new Set(readPartyFixtures().map((p) => p.code));
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
});
