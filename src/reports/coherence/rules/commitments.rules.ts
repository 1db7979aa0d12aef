import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import {
  chapterLabel,
  ecommerceObligations,
  evidence,
  hasServicesCommitments,
  SERVICES_TYPES,
  servicesEvidence,
  withCode,
} from '../agreement-features';
import { CoherenceRule, result } from '../coherence-rule';

const { CULTURAL_EXEMPTION, ECOMMERCE_CULTURAL_CARVE_OUT, AUDIOVISUAL_EXCLUSION } = TaxonomyCodeId;

export const ecommerceWithoutCarveOut: CoherenceRule = {
  id: 'G19.4/ecommerce-without-cultural-carve-out',
  paragraph: '19.4',
  severity: 'HIGH',
  title: 'E-commerce obligations with no cultural carve-out and no cultural exemption',
  checks:
    'Agreements with an ECOMMERCE_PROVISION annotation whose detail includes CUSTOMS_DUTIES or DIGITAL_PRODUCTS_NON_DISCRIMINATION and whose binding force is BINDING or unknown: is there an ECOMMERCE_CULTURAL_CARVE_OUT or CULTURAL_EXEMPTION annotation anywhere in the agreement? Not applicable without such obligations.',
  scored: true,
  check({ agreement }) {
    const obligations = ecommerceObligations(agreement);
    if (!obligations.length)
      return result(
        'NOT_APPLICABLE',
        'No binding e-commerce obligation on customs duties or digital products.',
      );
    const protection = withCode(agreement, ECOMMERCE_CULTURAL_CARVE_OUT, CULTURAL_EXEMPTION);
    if (protection.length)
      return result(
        'MET',
        'E-commerce obligations come with a cultural carve-out or exemption.',
        evidence(protection),
      );
    const subtypes = [...new Set(obligations.flatMap((o) => o.detail))]
      .filter((d) => d === 'CUSTOMS_DUTIES' || d === 'DIGITAL_PRODUCTS_NON_DISCRIMINATION')
      .join(' and ');
    return result(
      'NOT_MET',
      `Binds the parties on e-commerce (${subtypes}) with no carve-out for cultural content and no cultural exemption.`,
      evidence(obligations),
      `No ${ECOMMERCE_CULTURAL_CARVE_OUT} or ${CULTURAL_EXEMPTION} annotation on any provision`,
    );
  },
};

export const servicesWithoutAudiovisualExclusion: CoherenceRule = {
  id: 'G19.4/services-investment-without-audiovisual-exclusion',
  paragraph: '19.4',
  severity: 'HIGH',
  title: 'Services or investment commitments with no audiovisual exclusion and no cultural exemption',
  checks: `Agreements typed ${SERVICES_TYPES.join(' or ')}, or with a chapter whose title names services, investment or establishment (English, Spanish, French; not promotion, facilitation or cooperation chapters): is there an AUDIOVISUAL_EXCLUSION or CULTURAL_EXEMPTION annotation anywhere in the agreement? Not applicable otherwise.`,
  scored: true,
  check({ agreement }) {
    if (!hasServicesCommitments(agreement))
      return result('NOT_APPLICABLE', 'No services, investment or establishment commitments found.');
    const protection = withCode(agreement, AUDIOVISUAL_EXCLUSION, CULTURAL_EXEMPTION);
    if (protection.length)
      return result('MET', 'Audiovisual services or cultural industries are excluded.', evidence(protection));
    const where = agreement.servicesChapters.length
      ? agreement.servicesChapters.map(chapterLabel).join(', ')
      : `agreement type ${agreement.types.filter((t) => SERVICES_TYPES.includes(t)).join(', ')}`;
    return result(
      'NOT_MET',
      `Has services or investment commitments (${where}) with no audiovisual exclusion and no cultural exemption.`,
      servicesEvidence(agreement),
      `No ${AUDIOVISUAL_EXCLUSION} or ${CULTURAL_EXEMPTION} annotation on any provision`,
    );
  },
};
