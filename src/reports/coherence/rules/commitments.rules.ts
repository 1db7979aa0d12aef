import { BindingForce } from '../../../annotations/annotation.enums';
import { AgreementType, RecordPart } from '../../../agreements/agreement.enums';
import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { canJudgeAbsence } from '../../../agreements/record-completeness';
import {
  chapterLabel,
  chapterEvidence,
  ecommerceObligations,
  evidence,
  hasServicesCommitments,
  SERVICES_TYPES,
  withCode,
} from '../agreement-features';
import { CoherenceRule, result, ruleTexts } from '../coherence-rule';
import { namesParam, text, Text } from '../../common/report-texts';

const { CULTURAL_EXEMPTION, ECOMMERCE_CULTURAL_CARVE_OUT, AUDIOVISUAL_EXCLUSION } = TaxonomyCodeId;

export const ecommerceWithoutCarveOut: CoherenceRule = {
  id: 'G19.4/ecommerce-without-cultural-carve-out',
  paragraph: '19.4',
  severity: 'HIGH',
  ...ruleTexts('G19.4/ecommerce-without-cultural-carve-out'),
  scored: true,
  check({ agreement }) {
    const obligations = ecommerceObligations(agreement);
    // Not applicable only where the record can show the absence (`judgeRecord`): else not known.
    if (!obligations.length)
      return result('NOT_APPLICABLE', text('coh.ecommerce.na'), [], text('coh.ecommerce.naAbsence'));
    const protection = withCode(agreement, ECOMMERCE_CULTURAL_CARVE_OUT, CULTURAL_EXEMPTION);
    if (protection.length) return result('MET', text('coh.ecommerce.met'), evidence(protection));
    const subjects = [...new Set(obligations.flatMap((o) => o.detail))]
      .filter((d) => d === 'CUSTOMS_DUTIES' || d === 'DIGITAL_PRODUCTS_NON_DISCRIMINATION')
      .map((d): Text =>
        text(`coh.ecommerce.${d as 'CUSTOMS_DUTIES' | 'DIGITAL_PRODUCTS_NON_DISCRIMINATION'}`),
      );
    return result(
      'NOT_MET',
      text('coh.ecommerce.notMet', {
        subjects: subjects.length === 2 ? text('list.pair', { a: subjects[0], b: subjects[1] }) : subjects[0],
      }),
      evidence(obligations),
      text('coh.ecommerce.absence'),
      obligations.some((o) => o.bindingForce === BindingForce.BINDING),
    );
  },
};

export const servicesWithoutAudiovisualExclusion: CoherenceRule = {
  id: 'G19.4/services-investment-without-audiovisual-exclusion',
  paragraph: '19.4',
  severity: 'HIGH',
  ...ruleTexts('G19.4/services-investment-without-audiovisual-exclusion', {
    types: text('list.or', { a: SERVICES_TYPES[0], b: SERVICES_TYPES[1] }),
  }),
  scored: true,
  absenceNeeds: RecordPart.MAIN_TEXT,
  check({ agreement }) {
    if (!hasServicesCommitments(agreement))
      return result('NOT_APPLICABLE', text('coh.services.na'), [], text('coh.services.naAbsence'));
    const protection = withCode(agreement, AUDIOVISUAL_EXCLUSION, CULTURAL_EXEMPTION);
    if (protection.length) return result('MET', text('coh.services.met'), evidence(protection));
    const types = agreement.types.filter((t) => SERVICES_TYPES.includes(t)).join(', ');
    // An EIA is typed so by its source for the whole agreement as notified, which may include a services agreement
    // signed later (ASEAN-India: the full text held is the 2009 goods agreement, the services one is of 2014); with
    // no services chapter in a full text, an absence there says nothing of those commitments. An investment treaty's
    // text is its investment commitments. A partial record is judged as any other absence (`judgeRecord`).
    if (
      !agreement.servicesChapters.length &&
      !agreement.types.includes(AgreementType.INVESTMENT) &&
      canJudgeAbsence(agreement.record, RecordPart.MAIN_TEXT)
    )
      return result('UNKNOWN', text('coh.services.typeOnly', { types }));
    const where = agreement.servicesChapters.length
      ? namesParam(agreement.servicesChapters.map(chapterLabel), 0)
      : text('coh.services.types', { types });
    const operative = agreement.servicesObligations;
    return result(
      'NOT_MET',
      text('coh.services.notMet', { where }),
      operative.length
        ? chapterEvidence(operative, 'coh.evidence.operative')
        : chapterEvidence(agreement.servicesChapters, 'coh.evidence.first'),
      text('coh.services.absence'),
      operative.length > 0,
    );
  },
};
