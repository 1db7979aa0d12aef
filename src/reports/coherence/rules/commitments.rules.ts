import { BindingForce } from '../../../annotations/annotation.enums';
import { RecordPart } from '../../../agreements/agreement.enums';
import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import {
  chapterLabel,
  chapterEvidence,
  ecommerceObligations,
  evidence,
  hasServicesCommitments,
  SERVICES_TYPES,
  withCode,
} from '../agreement-features';
import { CoherenceRule, result } from '../coherence-rule';

const { CULTURAL_EXEMPTION, ECOMMERCE_CULTURAL_CARVE_OUT, AUDIOVISUAL_EXCLUSION } = TaxonomyCodeId;

export const ecommerceWithoutCarveOut: CoherenceRule = {
  id: 'G19.4/ecommerce-without-cultural-carve-out',
  paragraph: '19.4',
  severity: 'HIGH',
  title: 'E-commerce commitments with no carve-out for culture',
  checks:
    'Agreements with e-commerce provisions on customs duties on electronic transmissions or non-discrimination of digital products (not best-endeavour or declaratory ones): is there a cultural carve-out in the e-commerce provisions, or a general cultural exemption, anywhere in the agreement? HIGH only when one of those provisions is recorded as binding; otherwise LOW.',
  scored: true,
  why: 'Paragraph 19.4 of the Guidelines asks that e-commerce commitments recognise the specific nature of cultural goods and services; commitments on digital products with no cultural carve-out can limit cultural policies online.',
  whatToCheck:
    'Read the cited e-commerce articles and look in the agreement (including its annexes and side letters) for an exception for cultural industries or audiovisual content that applies to them.',
  check({ agreement }) {
    const obligations = ecommerceObligations(agreement);
    if (!obligations.length)
      return result(
        'NOT_APPLICABLE',
        'No binding e-commerce commitment on customs duties or digital products.',
      );
    const protection = withCode(agreement, ECOMMERCE_CULTURAL_CARVE_OUT, CULTURAL_EXEMPTION);
    if (protection.length)
      return result(
        'MET',
        'The e-commerce commitments come with a cultural carve-out or a cultural exemption.',
        evidence(protection),
      );
    const subjects = [...new Set(obligations.flatMap((o) => o.detail))]
      .filter((d) => d === 'CUSTOMS_DUTIES' || d === 'DIGITAL_PRODUCTS_NON_DISCRIMINATION')
      .map((d) =>
        d === 'CUSTOMS_DUTIES'
          ? 'customs duties on electronic transmissions'
          : 'non-discrimination of digital products',
      )
      .join(' and ');
    return result(
      'NOT_MET',
      `Commits the parties on ${subjects}, with no carve-out for cultural content and no cultural exemption in the provisions held.`,
      evidence(obligations),
      'a cultural carve-out or cultural exemption',
      obligations.some((o) => o.bindingForce === BindingForce.BINDING),
    );
  },
};

export const servicesWithoutAudiovisualExclusion: CoherenceRule = {
  id: 'G19.4/services-investment-without-audiovisual-exclusion',
  paragraph: '19.4',
  severity: 'HIGH',
  title:
    'Services or investment commitments with no exclusion for audiovisual services or cultural industries',
  checks: `Agreements typed ${SERVICES_TYPES.join(' or ')}, or with a chapter whose title names services, investment or establishment (English, Spanish, French; not promotion, facilitation or cooperation chapters): is there an audiovisual exclusion or a cultural exemption anywhere in the agreement? HIGH only when the chapter has an operative article (national treatment or market access); a chapter title alone gives LOW.`,
  scored: true,
  why: 'Paragraph 19.4 of the Guidelines asks that trade commitments recognise the specific nature of cultural services; liberalising services or investment with no exclusion for audiovisual services can limit support for cultural industries.',
  whatToCheck:
    "Read the cited services or investment articles, then the agreement's schedules of commitments and lists of reservations (often in annexes) for audiovisual or cultural-industry reservations.",
  absenceNeeds: RecordPart.MAIN_TEXT,
  check({ agreement }) {
    if (!hasServicesCommitments(agreement))
      return result('NOT_APPLICABLE', 'No services, investment or establishment commitments found.');
    const protection = withCode(agreement, AUDIOVISUAL_EXCLUSION, CULTURAL_EXEMPTION);
    if (protection.length)
      return result('MET', 'Audiovisual services or cultural industries are excluded.', evidence(protection));
    const where = agreement.servicesChapters.length
      ? agreement.servicesChapters.map(chapterLabel).join(', ')
      : `agreement type ${agreement.types.filter((t) => SERVICES_TYPES.includes(t)).join(', ')}`;
    const operative = agreement.servicesObligations;
    return result(
      'NOT_MET',
      `Has services or investment commitments (${where}) with no exclusion for audiovisual services and no cultural exemption in the provisions held.`,
      operative.length
        ? chapterEvidence(operative, 'operative article')
        : chapterEvidence(agreement.servicesChapters, 'first article'),
      'an audiovisual exclusion or cultural exemption',
      operative.length > 0,
    );
  },
};
