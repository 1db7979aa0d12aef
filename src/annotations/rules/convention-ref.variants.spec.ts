import fc from 'fast-check';

import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import {
  EXPLICIT_TEMPLATES,
  explicitReferenceVariant,
  PhraseVariant,
  unrelatedConventionVariant,
} from '../../../test/support/phrase-variants';
import { annotateAgreement } from './annotate-agreement';
import { ProposedAnnotation } from './annotator.types';

// Property tests over generated variants of how treaties (and their scans) write the Convention's name.

function annotate(variant: PhraseVariant): ProposedAnnotation[] {
  return annotateAgreement({
    language: variant.language,
    parties: [],
    provisions: [{ ref: 'p', location: ProvisionLocation.OPERATIVE, text: variant.text }],
  });
}

const explicit = (annotations: ProposedAnnotation[]) =>
  annotations.find((annotation) => annotation.code === TaxonomyCodeId.CONVENTION_REF_EXPLICIT);

describe('explicit references to the 2005 Convention, however written', () => {
  it('finds every variant, with evidence on the phrase', () => {
    fc.assert(
      fc.property(explicitReferenceVariant(), (variant) => {
        const found = explicit(annotate(variant));
        expect(found).toBeDefined();
        const phraseStart = variant.text.indexOf(variant.phrase);
        // The evidence overlaps the phrase (it may take in a leading article: "the", "la").
        expect(found!.evidence!.start).toBeLessThan(phraseStart + variant.phrase.length);
        expect(found!.evidence!.end).toBeGreaterThan(phraseStart);
      }),
      { numRuns: 600 },
    );
  });

  it('covers every template of every language (the generator reaches them all)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(explicitReferenceVariant(), (variant) => {
        seen.add(variant.form);
      }),
      { numRuns: 1500 },
    );
    const all = Object.values(EXPLICIT_TEMPLATES).flat();
    expect(all.filter((form) => !seen.has(form))).toEqual([]);
  });

  it('proposes no explicit reference for unrelated conventions written the same ways', () => {
    fc.assert(
      fc.property(unrelatedConventionVariant(), (variant) => {
        expect(explicit(annotate(variant))).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('a bare "2005 Convention" without UNESCO or cultural diversity in its sentence is not a reference', () => {
    const text = 'The Parties recall the 2005 Convention on the settlement of investment disputes.';
    expect(
      explicit(
        annotateAgreement({
          language: 'en',
          parties: [],
          provisions: [{ ref: 'p', location: ProvisionLocation.OPERATIVE, text }],
        }),
      ),
    ).toBeUndefined();
  });
});
