import { ConventionStatusKind } from '../../../parties/party.enums';
import { notPartyOn, notPartyUntil, PartyFacts } from '../../common/report-facts';
import { dateParam, namesParam, partyParam, partyWithCode, Text, text } from '../../common/report-texts';
import { CoherenceRule, result, ruleTexts } from '../coherence-rule';

const named = (parties: PartyFacts[]) => namesParam(parties.map(partyWithCode));

export const partnersNotParties: CoherenceRule = {
  id: 'INFO/partners-not-convention-parties',
  paragraph: '19',
  severity: 'INFO',
  ...ruleTexts('INFO/partners-not-convention-parties'),
  scored: false,
  check({ input, agreement }) {
    // No partner on the date: "every partner is a Party" would say it of nobody. Unknown where the record lists no
    // party of the other side, or one bound on days not recorded.
    if (!agreement.partners.length) {
      if (agreement.otherSideRecorded === false) return result('UNKNOWN', text('coh.partners.noneRecorded'));
      const undated = agreement.partnersDatesUnknown ?? [];
      if (undated.length)
        return result(
          'UNKNOWN',
          text('coh.partners.noneKnown', { date: dateParam(input.asOf), names: named(undated) }),
        );
      return result('NOT_APPLICABLE', text('coh.partners.none', { date: dateParam(input.asOf) }));
    }
    const onDate = agreement.partners.filter((p) => notPartyOn(p, input.asOf));
    const lastKnown = agreement.partners.filter((p) => notPartyUntil(p, input.asOf) !== null);
    const unknown = agreement.partners.filter((p) => p.conventionStatus === ConventionStatusKind.UNKNOWN);
    const texts: Text[] = [
      ...(onDate.length
        ? [text('coh.partners.onDate', { date: dateParam(input.asOf), names: named(onDate) })]
        : []),
      ...(lastKnown.length
        ? [
            text('coh.partners.lastKnown', {
              names: namesParam(
                lastKnown.map((p) =>
                  // a date the sources give to the month or year only reads "en mars 2017", not "au"
                  text(p.conventionAsOf!.length === 10 ? 'coh.partners.asOf' : 'coh.partners.asOfPartial', {
                    name: partyParam(p),
                    code: p.code,
                    date: dateParam(p.conventionAsOf!),
                  }),
                ),
              ),
            }),
          ]
        : []),
    ];
    if (texts.length) {
      if (unknown.length) texts.push(text('coh.partners.unknownToo', { names: named(unknown) }));
      return result('NOT_MET', sentences(texts));
    }
    if (unknown.length) return result('UNKNOWN', text('coh.partners.unknown', { names: named(unknown) }));
    // Partners bound on days not recorded are no partners on the date, and are not judged: "every partner" says so.
    const undated = agreement.partnersDatesUnknown ?? [];
    if (undated.length)
      return result(
        'MET',
        text('coh.partners.metOnDate', {
          date: dateParam(input.asOf),
          count: undated.length,
          names: named(undated),
        }),
      );
    return result('MET', text('coh.partners.met'));
  },
};

/** Sentences one after the other, as one text. */
const sentences = (texts: Text[]): Text =>
  texts.length === 1 ? texts[0] : text('list.sentences', { sentences: namesParam(texts, 0, ' ') });
