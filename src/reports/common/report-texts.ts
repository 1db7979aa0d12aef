import { cache, dateFormat, formatMessage, Language, monthFormat, numberFormat } from '../../common/i18n';
import { RecordCoverage, RecordPart } from '../../agreements/agreement.enums';
import { partyNameForm, partyTakesPlural, PARTY_FORMS } from '../../parties/party-names';
import { keyWordsAsWritten } from '../../provisions/article-number';

/**
 * Every sentence the reports show a person, in English, French and Spanish: headings, findings, notes, table
 * headers, chart texts. The same mechanism as the explorer's interface (`common/i18n.ts`: `{name}` parameters and
 * `{n, plural, one {…} other {…}}` forms); the interface's own texts are in `web/i18n.ts`.
 *
 * What stays the same in every language (docs/architecture.md, "Languages"): rule ids, taxonomy codes, outcome
 * and severity codes in GraphQL, section ids, column keys, JSON keys and the texts of the agreements.
 *
 * Official titles, as UNESCO writes them:
 * - the Convention: "Convention sur la protection et la promotion de la diversité des expressions culturelles"
 *   (UNESCO, fr.unesco.org/creativity/convention/texts, archived 2020-12-06 at webarchive.unesco.org);
 *   "Convención sobre la Protección y la Promoción de la Diversidad de las Expresiones Culturales" (UNESCO,
 *   "Textos fundamentales de la Convención de 2005", edición 2017, CLT-2017/WS/22);
 * - its Operational Guidelines: "Directives opérationnelles" (same UNESCO page) and, for the digital environment,
 *   "Directives opérationnelles sur la mise en œuvre de la Convention dans l’environnement numérique" (approved
 *   by the Conference of Parties, 6th session, June 2017; the title as the FICDC reproduces it); in Spanish
 *   "Orientaciones prácticas" (Textos fundamentales 2017, index) and "orientaciones prácticas destinadas a
 *   promover la diversidad de las expresiones culturales en el entorno digital" (UNESCO DCE/19/7.CP/13);
 * - a paragraph: "paragraphe 19.5", "párrafo 19.5" (as UNESCO's French and Spanish documents number them).
 */
const EN = {
  // Lists and values
  'list.more': '{list} and {count} more',
  'list.pair': '{a} and {b}',
  'list.or': '{a} or {b}',
  'list.sentences': '{sentences}',
  'value.yes': 'yes',
  'value.no': 'no',
  'value.unknown': 'unknown',
  'value.none': 'none',
  'value.noFinding': 'none',
  'value.noMember': 'none',
  'value.partyWithCode': '{name} ({code})',
  'value.asOfDay': 'as of {date}',
  'value.asOfPart': 'as of {date}',
  'paragraph.short': '§{paragraph}',
  // The record of an agreement (what the catalogue holds)
  'record.FULL_TEXT':
    'Full text of the {parts} ({count, plural, one {# provision} other {# provisions}}); not held: {missing}.',
  'record.FULL_TEXT_PARTIAL':
    'Full text of the {parts} ({count, plural, one {# provision} other {# provisions}}); selected provisions only: {partial}; not held: {missing}.',
  'record.EXCERPTS':
    'The record holds only {count, plural, one {# selected provision} other {# selected provisions}}. What it lacks may be in the parts not held.',
  'record.METADATA_ONLY': 'The record holds no provisions, only the facts of the agreement.',
  'record.nothing': 'nothing',
  'part.MAIN_TEXT': 'main text',
  'part.ANNEXES': 'annexes',
  'part.SCHEDULES': 'schedules of commitments and reservations',
  'part.PROTOCOLS': 'protocols',
  'part.SIDE_LETTERS': 'side letters',
  // Severity and outcome words (the codes stay in GraphQL and in the English files)
  'severity.HIGH': 'HIGH',
  'severity.MEDIUM': 'MEDIUM',
  'severity.LOW': 'LOW',
  'severity.INFO': 'INFO',
  'outcome.MET': 'MET',
  'outcome.PENDING_REVIEW': 'PENDING_REVIEW',
  'outcome.NOT_MET': 'NOT_MET',
  'outcome.UNKNOWN': 'UNKNOWN',
  'outcome.NOT_APPLICABLE': 'NOT_APPLICABLE',
  // Notes every report carries
  'note.status.proposed':
    'Counts ACCEPTED and PROPOSED annotations: PROPOSED ones come from the annotation rules and no one has reviewed them yet.',
  'note.status.accepted':
    'Counts ACCEPTED annotations only (reviewed by a person); PROPOSED ones are left out (includeProposed counts them).',
  'note.evidence.proposed':
    'Counts as evidence both the annotations a reviewer accepted and those proposed (by the annotation rules or an annotator) that nobody has reviewed yet; each provision says which it is.',
  'note.evidence.accepted':
    'Counts as evidence the annotations a reviewer accepted. Annotations proposed (by the annotation rules or an annotator) that nobody has reviewed yet are shown beside them as "proposed" (awaiting review), never as an absence; ask for proposals to be included to count them as evidence.',
  'developing.basis': 'the World Bank FY23 income groups, or the UN lists of LDCs and SIDS',
  // Coherence: whether the Convention applies
  'coh.gate.notParty': '{party_The} is not a Party to the Convention, so its expectations do not apply.',
  'coh.gate.notPartyUntil':
    '{party_The} is not a Party to the Convention ({until}, the latest the sources say), so its expectations do not apply.',
  'coh.gate.notYetParty':
    '{party_The} was not yet a Party to the Convention on {date} (in force for it from {inForce}), so its expectations did not apply then.',
  'coh.gate.notYetInForce':
    '{party_The} was not yet a Party to the Convention on {date} (in force from {inForce}, for no Party earlier), so its expectations did not apply then.',
  'coh.gate.notYetInForceFrom':
    '{party_The} was not yet a Party to the Convention on {date} (instrument deposited in {year}, so in force for it from {inForce} at the earliest), so its expectations did not apply then.',
  'coh.gate.inForceBetween':
    'Whether {party_the} was a Party to the Convention on {date} is not known: its instrument was deposited in {year} (day not recorded), so the Convention entered into force for it between {from} and {by}.',
  'coh.gate.undated':
    'The signature date is not recorded, so whether the Convention could shape the agreement is not known.',
  'coh.gate.beforeAdoption':
    'Signed {signed}, before the Convention was adopted ({adopted}): context for a future review, not a failure.',
  'coh.gate.noInForce':
    'The date the Convention entered into force for {party_the} is not recorded, so which agreements it could shape is not known.',
  'coh.gate.beforeInForce':
    'Signed {signed}, before the Convention entered into force for {party_the} ({inForce}): context, not a failure.',
  'coh.gate.beforeInForceFrom':
    'Signed {signed}, before the Convention can have entered into force for {party_the} (instrument deposited in {year}, so in force from {inForce} at the earliest): context, not a failure.',
  'coh.gate.beforeConventionInForce':
    'Signed {signed}, before the Convention entered into force ({inForce}, for no Party earlier): context, not a failure.',
  'coh.pending':
    'Awaits review of {count, plural, one {# proposed annotation} other {# proposed annotations}}. Once a reviewer confirms {count, plural, one {it} other {them}}, the finding reads as follows. {proposed} Until then, it reads as follows. {accepted}',
  'coh.pendingOthers':
    'Awaits review of {count, plural, one {# proposed annotation} other {# proposed annotations}} of {agreements, plural, one {another agreement} other {other agreements}} ({names}){own, plural, =0 {} one {, and # of this one} other {, and # of this one}}. Once a reviewer confirms {total, plural, one {it} other {them}}, the finding reads as follows. {proposed} Until then, it reads as follows. {accepted}',
  'coh.onProposals':
    'Rests on {count, plural, one {# proposed annotation} other {# proposed annotations}} that no reviewer has confirmed yet, counted because the report counts proposals. {proposed} On accepted annotations alone, it reads as follows. {accepted}',
  'coh.onProposalsOthers':
    'Rests on {total, plural, one {# proposed annotation} other {# proposed annotations}} that no reviewer has confirmed yet, counted because the report counts proposals ({count} of {agreements, plural, one {another agreement} other {other agreements}}, {names}{own, plural, =0 {} other {; # of this one}}). {proposed} On accepted annotations alone, it reads as follows. {accepted}',
  'coh.unjudged':
    'This cannot be judged on the record held. {record} Whether the agreement has {absence} is not known.',
  'coh.concerns': '{message} Concerns {count, plural, one {# agreement} other {# agreements}}: {names}.',
  // Coherence rules: what each says of one agreement
  'coh.ref.met': 'Refers to the Convention or to the diversity of cultural expressions.',
  'coh.ref.notMet':
    'Signed {signed}, after the Convention applied to {party_the}, with no reference to the Convention or to cultural diversity in the provisions held.',
  'coh.ref.absence': 'a reference to the Convention or to cultural diversity',
  'coh.implicit.met': 'Names the Convention.',
  'coh.implicit.na':
    'No reference to the Convention or to cultural diversity among the provisions held (the other 19.5 rule reports it).',
  'coh.implicit.notMet': 'Invokes cultural diversity without naming the Convention.',
  'coh.implicit.absence': 'a reference that names the Convention',
  'coh.ecommerce.na':
    'No binding e-commerce commitment on customs duties or digital products found among the provisions held.',
  'coh.ecommerce.met': 'The e-commerce commitments come with a cultural carve-out or a cultural exemption.',
  'coh.ecommerce.notMet':
    'Commits the parties on {subjects}, with no carve-out for cultural content and no cultural exemption in the provisions held.',
  'coh.ecommerce.CUSTOMS_DUTIES': 'customs duties on electronic transmissions',
  'coh.ecommerce.DIGITAL_PRODUCTS_NON_DISCRIMINATION': 'non-discrimination of digital products',
  'coh.ecommerce.absence': 'a cultural carve-out or cultural exemption',
  'coh.ecommerce.naAbsence': 'a binding e-commerce commitment on customs duties or digital products',
  'coh.services.na': 'No services, investment or establishment commitments found among the provisions held.',
  'coh.services.met':
    'Carries an audiovisual exclusion or a cultural exemption (the provisions cited say what each leaves out).',
  'coh.services.notMet':
    'Has services or investment commitments ({where}) with no exclusion for audiovisual services and no cultural exemption in the provisions held.',
  'coh.services.types': 'agreement type {types}',
  'coh.services.typeOnly':
    'Its source types it {types} (an agreement that covers services), but no services, investment or establishment chapter is among the provisions held: the commitments may be in an instrument the catalogue does not hold (a later services agreement). Whether they come with an audiovisual exclusion or cultural exemption is not known.',
  'coh.services.absence': 'an audiovisual exclusion or cultural exemption',
  'coh.services.naAbsence': 'services, investment or establishment commitments',
  'coh.consistency.naAbsence': 'commitments that culture would need protecting from',
  'coh.chapter': 'chapter {number} "{title}"',
  'coh.chapterNamed': '{number} "{title}"',
  'coh.chapterUnnumbered': 'chapter "{title}"',
  'coh.evidence.operative': 'operative article of {chapter}',
  'coh.evidence.first': 'first article of {chapter}',
  'coh.preferential.unknown':
    'Whether {party_the} is a developing country is not recorded, so 18.2 cannot be checked.',
  'coh.preferential.developing': '{party_The} is a developing country on {basis}.',
  'coh.preferential.received':
    '{party_The} is a developing country on {basis}, so 18.2 asks nothing of it; the agreement gives culture from {party_the} preferential treatment, granted by {names}.',
  'coh.preferential.noPartner':
    "No developing-country partner on {basis}; a partner's income group when the agreement was signed may have differed.",
  'coh.preferential.noneRecorded':
    'The catalogue records no party of the other side of the agreement: whether 18.2 asks anything here cannot be decided.',
  'coh.preferential.partnersUndecided':
    'No partner known to be bound on the report date is a developing country on {basis}, but {names} may be one: {count, plural, one {its} other {their}} binding on that date, or {count, plural, one {its} other {their}} income group, is not recorded. Whether 18.2 asks anything here cannot be decided.',
  'coh.preferential.ownSide':
    "{party_The} is on the same side of this bloc's agreement as the developing {count, plural, one {country} other {countries}} {names} (on {basis}), the bloc on the other, its one partner there: {party_the} grants {count, plural, one {it} other {them}} nothing under it (the bloc does), so 18.2 asks nothing of it here.",
  'coh.preferential.met': 'Grants preferential treatment to culture from developing partners.',
  'coh.preferential.notMet':
    'No preferential treatment for culture, although {count, plural, one {a partner is a developing country} other {# partners are developing countries}}: {names} (on {basis}).',
  'coh.preferential.absence': 'preferential treatment for culture from developing partners',
  'coh.consistency.na':
    'No commitments found among the provisions held that culture would need protecting from.',
  'coh.consistency.undated': 'The signature date is not recorded, so 19.1 cannot be checked.',
  'coh.consistency.noPeer': 'No other agreement of {period} to compare with.',
  'coh.consistency.own': 'Protects culture.',
  'coh.consistency.none':
    'Nothing to compare: neither this agreement nor the {count, plural, one {# other agreement} other {# other agreements}} of {period} protect culture (the 19.4 rules say what each lacks).',
  'coh.consistency.notMet':
    "No cultural exemption, audiovisual exclusion or e-commerce carve-out in the provisions held, while {protecting} of the party's {count, plural, one {# other agreement} other {# other agreements}} signed in {period} {protecting, plural, one {has} other {have}} one: {names}.",
  'coh.consistency.absence': 'a cultural exemption, audiovisual exclusion or e-commerce carve-out',
  'coh.partners.onDate': 'Partners not Parties to the Convention on {date}: {names}.',
  'coh.partners.lastKnown':
    'Partners not Parties to the Convention as far as the sources go (none later): {names}.',
  'coh.partners.asOf': '{name} ({code}), as of {date}',
  'coh.partners.asOfPartial': '{name} ({code}), as of {date}',
  'coh.partners.unknownToo': 'Status not known for: {names}.',
  'coh.partners.unknown': 'Convention status not known for partners: {names}.',
  'coh.partners.met': 'Every partner is a Party to the Convention.',
  'coh.partners.metOnDate':
    'Every partner bound on {date} is a Party to the Convention; {names}, bound on days not recorded, {count, plural, one {is} other {are}} not judged here.',
  'coh.partners.none': 'No partner is bound by the agreement on {date}.',
  'coh.partners.noneKnown':
    'No partner is known to be bound by the agreement on {date}; {names} may be (the dates are not recorded), whose status under the Convention is not judged here.',
  'coh.partners.noneRecorded':
    'The catalogue records no party of the other side of the agreement: nothing can be said of the partners.',
  // Coherence rules: what each is (docs/coherence-rules.md explains them)
  'rule.G19.5/no-convention-reference.title':
    'No reference to the Convention or to the diversity of cultural expressions',
  'rule.G19.5/no-convention-reference.checks':
    'Is there a reference to the 2005 Convention, or to the diversity of cultural expressions as a value or objective of the parties, in any provision (the preamble included)?',
  'rule.G19.5/no-convention-reference.why':
    'Paragraph 19.5 of the Guidelines encourages Parties to refer to the Convention in their trade agreements, so that the agreement is read in harmony with it.',
  'rule.G19.5/no-convention-reference.whatToCheck':
    'Check the preamble and the general or final provisions for any mention of cultural diversity or of the Convention, and note it for the next negotiation or review of the agreement.',
  'rule.G19.5/implicit-reference-only.title': 'Refers to cultural diversity but does not name the Convention',
  'rule.G19.5/implicit-reference-only.checks':
    'Among the agreements that refer to cultural diversity: is the 2005 Convention named? Not applicable when there is no reference at all (the other 19.5 rule reports it).',
  'rule.G19.5/implicit-reference-only.why':
    'Paragraph 19.5 of the Guidelines asks for references to the Convention itself; a general mention of cultural diversity is weaker support when the agreement is interpreted.',
  'rule.G19.5/implicit-reference-only.whatToCheck':
    'Read the cited passages and consider naming the Convention when the agreement is reviewed.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.title':
    'E-commerce commitments with no carve-out for culture',
  'rule.G19.4/ecommerce-without-cultural-carve-out.checks':
    'Agreements with e-commerce provisions on customs duties on electronic transmissions or non-discrimination of digital products (not best-endeavour or declaratory ones): is there a cultural carve-out in the e-commerce provisions, or a general cultural exemption, anywhere in the agreement? HIGH only when one of those provisions is recorded as binding; otherwise LOW.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.why':
    'Paragraph 19.4 of the Guidelines asks that e-commerce commitments recognise the specific nature of cultural goods and services; commitments on digital products with no cultural carve-out can limit cultural policies online.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.whatToCheck':
    'Read the cited e-commerce articles and look in the agreement (including its annexes and side letters) for an exception for cultural industries or audiovisual content that applies to them.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.title':
    'Services or investment commitments with no exclusion for audiovisual services or cultural industries',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.checks':
    'Agreements typed {types}, or with a chapter whose title names services, investment or establishment (English, Spanish, French; not promotion, facilitation or cooperation chapters): is there an audiovisual exclusion or a cultural exemption anywhere in the agreement? HIGH only when the chapter has an operative article (national treatment or market access); a chapter title alone gives LOW.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.why':
    'Paragraph 19.4 of the Guidelines asks that trade commitments recognise the specific nature of cultural services; liberalising services or investment with no exclusion for audiovisual services can limit support for cultural industries.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.whatToCheck':
    "Read the cited services or investment articles, then the agreement's schedules of commitments and lists of reservations (often in annexes) for audiovisual or cultural-industry reservations.",
  'rule.G18.2/no-preferential-treatment.title':
    'A developed party with developing-country partners gives culture no preferential treatment',
  'rule.G18.2/no-preferential-treatment.checks':
    'When the party is a developed country and at least one partner is a developing country: does the agreement give preferential treatment to culture (any mechanism)? Not applicable to a developing party, whatever the dates (its check names the preferential treatment it receives and the developed partners granting it), or without developing partners; cannot decide when the party’s status is not recorded. Who is developing is read from {basis}, for agreements of every year.',
  'rule.G18.2/no-preferential-treatment.why':
    'Paragraph 18 of the Guidelines asks developed countries to grant preferential treatment to cultural goods, services and practitioners from developing countries, including through trade agreements (Convention Article 16).',
  'rule.G18.2/no-preferential-treatment.whatToCheck':
    'Look for protocols on cultural cooperation, co-production or market-access facilities for artists and cultural services from the developing partners named in the finding.',
  'rule.G19.1/inconsistent-cultural-protection.title':
    'Culture protected in some agreements of a period and not in others',
  'rule.G19.1/inconsistent-cultural-protection.checks':
    "Among the party's agreements that have services or investment commitments or e-commerce obligations (as the two 19.4 rules define them), grouped by five-year period of signature (2005–2009, 2010–2014, ...): an agreement with no {codes} annotation, in a period where at least one other such agreement has one. The finding lists the agreements that do protect culture, with their provisions. Not applicable without such commitments, without another agreement in the period, or where no agreement of the period protects culture (nothing to compare; the 19.4 rules report the gap).",
  'rule.G19.1/inconsistent-cultural-protection.why':
    'Paragraph 19.1 of the Guidelines asks Parties to keep their commitments under different agreements coherent with one another and with the Convention; protecting culture in some agreements of a period and not in others undermines that coherence.',
  'rule.G19.1/inconsistent-cultural-protection.whatToCheck':
    'Compare this agreement with the agreements of the same period that protect culture (listed in the finding) and check whether the protection was left out on purpose.',
  'rule.INFO/partners-not-convention-parties.title': 'Partners that are not Parties to the Convention',
  'rule.INFO/partners-not-convention-parties.checks':
    'The partners of each agreement that are not Parties to the Convention on the report date (or, where the sources stop earlier, on the last date they give); partners whose status the catalogue does not know are named separately. Information only: not scored.',
  'rule.INFO/partners-not-convention-parties.why':
    'The Convention (Article 21) asks Parties to promote its principles in other international forums; partners that are not Parties are where that promotion matters most.',
  'rule.INFO/partners-not-convention-parties.whatToCheck':
    'Consider the partners named when promoting the Convention in the dialogues the agreement sets up.',
  // The scored paragraphs, in our words
  'scored.19.5': 'Agreements refer explicitly to the 2005 Convention',
  'scored.19.4':
    'Cultural goods and services keep their specificity in e-commerce, services and investment commitments',
  'scored.18.2':
    'A developed party gives culture from developing partners preferential treatment (paragraphs 18, 18.2)',
  'scored.19.1': 'Culture is treated consistently across agreements of the same period',
  // Coherence: the notes
  'coh.note.statusOf2017':
    "{count} of these {total} agreements {count, plural, one {is} other {are}} counted as in force on the status imported from ToTA (the WTO's record as ToTA copied it in 2017, or DESTA's later list where that record said signed only), not re-checked since: an agreement that has ended after that is still counted unless the catalogue records its end (its page names the source of its status).",
  'coh.note.partnersUndated':
    "Parties that joined an agreement on a date not recorded are not counted among its partners, since whether it bound them on {date} is not known (the agreement's page names the source): {names}.",
  'coh.note.partnersInForceByUndated':
    "Parties for which an agreement was in force on or before a day the sources give, their own day not recorded, that day being later than {date}, are not counted among its partners, since whether it bound them on {date} is not known (the agreement's page names the source): {names}.",
  'coh.note.partnersStartedUndated':
    "Original parties for which an agreement began to apply on a date no source gives (no date of entry into force or of provisional application is recorded for them or for the agreement) are not counted among its partners, since whether it bound them on {date} is not known (the agreement's page names the source): {names}.",
  'coh.note.partnersLeftUndated':
    "Parties that left an agreement on a date not recorded are not counted among its partners, since whether it still bound them on {date} is not known (the agreement's page names the source): {names}.",
  'coh.note.partnersUndatedItem': '{parties} in {agreement}',
  'coh.note.bound':
    'Agreements that bind {party_the} on {date} (in force or provisionally applied for it; {count}).',
  'coh.note.leftOut':
    '{count, plural, one {# other agreement} other {# other agreements}} {party_of} {count, plural, one {is} other {are}} left out, not binding it on that date: {names}.',
  'coh.note.notBound.SIGNED_ONLY': '{agreement} (signed, never applied)',
  'coh.note.notBound.APPLIES_LATER': '{agreement} (applied only from {date})',
  'coh.note.notBound.APPLIES_BY':
    '{agreement} (applied only from a later day, on or before {date}: its own day is not recorded)',
  'coh.note.notBound.NOT_APPLIED': '{agreement} (no date from which it applies is recorded)',
  'coh.note.notBound.TERMINATED': '{agreement} (terminated on {date})',
  'coh.note.notBound.WITHDRAWN': '{agreement} (withdrawn from on {date})',
  'coh.note.notBound.LEFT_BLOC': '{agreement} (no longer bound through {blocCode} from {date})',
  'coh.note.leftOutUndated':
    "{count, plural, one {# agreement} other {# agreements}} {party_of} {count, plural, one {is} other {are}} left out because {party_the} joined {count, plural, one {it} other {them}} on a date not recorded (the agreement's page names the source; for a member of a bloc that joined it after the bloc signed, no source here gives its own accession, by which a mixed agreement, or one not recorded as the bloc's alone, binds it): whether {count, plural, one {it} other {they}} bound {party_the} on that date is not known: {names}.",
  'coh.note.leftOutUndatedOther':
    "{count, plural, one {# other agreement} other {# other agreements}} {party_of} {count, plural, one {is} other {are}} left out as well because {party_the} joined {count, plural, one {it} other {them}} on a date not recorded (the agreement's page names the source; for a member of a bloc that joined it after the bloc signed, no source here gives its own accession, by which a mixed agreement, or one not recorded as the bloc's alone, binds it): whether {count, plural, one {it} other {they}} bound {party_the} on that date is not known: {names}.",
  'coh.note.leftOutLeft':
    "{count, plural, one {# agreement} other {# agreements}} {party_of} {count, plural, one {is} other {are}} left out because {party_the} left {count, plural, one {it} other {them}} (withdrew) on a date not recorded (the agreement's page names the source): whether {count, plural, one {it} other {they}} still bound {party_the} on that date is not known: {names}.",
  'coh.note.leftOutLeftOther':
    "{count, plural, one {# other agreement} other {# other agreements}} {party_of} {count, plural, one {is} other {are}} left out as well because {party_the} left {count, plural, one {it} other {them}} (withdrew) on a date not recorded (the agreement's page names the source): whether {count, plural, one {it} other {they}} still bound {party_the} on that date is not known: {names}.",
  'coh.note.leftOutEnded':
    '{count, plural, one {# agreement} other {# agreements}} {party_of} ended on a date no source gives (recorded as terminated, with no date of termination) and {count, plural, one {is} other {are}} left out: whether {count, plural, one {it} other {they}} bound {party_the} on that date is not known: {names}.',
  'coh.note.leftOutStarted':
    '{count, plural, one {# agreement} other {# agreements}} {party_of} began to apply on a date no source gives (recorded as applied, with no date of entry into force or of provisional application) and {count, plural, one {is} other {are}} left out: whether {count, plural, one {it} other {they}} bound {party_the} on that date is not known: {names}.',
  'coh.note.leftOutSuspended':
    "{count, plural, one {# agreement} other {# agreements}} {party_of} {count, plural, one {is} other {are}} left out because the rights and obligations {party_of} under {count, plural, one {it} other {them}} are suspended on that date (still a party, not bound while the suspension lasts; the agreement's page names the source): {names}.",
  'coh.note.suspendedItem': '{agreement} (suspended since {date})',
  'coh.note.atLatest':
    'For {count, plural, one {# agreement} other {# agreements}}, the date given for {party_the} is a bound the sources agree on, not its own day, which none gives: {count, plural, one {it was} other {they were}} in force for {party_the} on or before that date, and {count, plural, one {is} other {are}} counted from it: {names}.',
  'coh.note.atLatestItem': '{agreement} (on or before {date})',
  'coh.note.leftOutInForceBy':
    '{count, plural, one {# agreement} other {# agreements}} {party_of} {count, plural, one {is} other {are}} left out as not known to bind {party_the} on that date: in force for {party_the} on or before a later day the sources give, its own day not recorded: {names}.',
  'coh.note.leftOutInForceByOther':
    '{count, plural, one {# other agreement} other {# other agreements}} {party_of} {count, plural, one {is} other {are}} left out as well, as not known to bind {party_the} on that date: in force for {party_the} on or before a later day the sources give, its own day not recorded: {names}.',
  'note.suspended':
    'Not counted among the parties an agreement binds, because their rights and obligations under it are suspended on {date} (still parties, bound by nothing while the suspension lasts; the agreement’s page names the source): {names}.',
  'note.suspendedItem': '{party_the} ({code}) in {agreement}, suspended since {since}',
  'cmp.row.suspended': 'Parties suspended (not bound)',
  'cmp.suspendedSince': '{code} (since {date})',
  'cmp.note.atLatest':
    'For {count, plural, one {# party} other {# parties}}, the date from which an agreement binds {count, plural, one {it} other {them}} is a bound the sources agree on, not {count, plural, one {its} other {their}} own day, which none gives: it was in force for {count, plural, one {it} other {them}} on or before that date: {names}.',
  'cmp.note.atLatestItem': '{party_the} ({code}) in {agreement} (on or before {date})',
  'coh.note.partnersSuspended':
    'Parties whose rights and obligations under an agreement are suspended on {date} are not counted among its partners: {names}.',
  'coh.note.viaBloc':
    "{party_The} is bound by {count, plural, one {# agreement} other {# agreements}} through {blocs}, from the later of the agreement's application and its accession to the bloc (for an agreement the bloc signed before it joined: from its accession to the bloc where the bloc concluded it alone, else from its own accession to the agreement), until it leaves (after any transition period). Fellow members of the bloc are never counted as partners.",
  'coh.note.pending':
    '{count, plural, one {# agreement} other {# agreements}} of {total} {count, plural, one {has} other {have}} proposed annotations (by the annotation rules or an annotator) that no reviewer has confirmed yet: where they would change an outcome, it reads PENDING_REVIEW, never NOT_MET.',
  'coh.note.partial':
    'The catalogue holds only selected provisions (or none) of {count, plural, one {# agreement} other {# agreements}}: {names}. An absence there cannot be judged, so those rules read UNKNOWN.',
  'coh.note.inferred':
    '{count, plural, one {# agreement is} other {# agreements are}} recorded as in force with no date of entry into force (counted as binding since signature): {names}.',
  'coh.note.firstDates':
    "For {count, plural, one {# agreement} other {# agreements}} of three or more parties, no date of its own is recorded for {party_the}: the date given is the agreement's first (its first entry into force or provisional application, perhaps for other parties only); {count, plural, one {it} other {they}} bound {party_the} from then or later, and {count, plural, one {is} other {are}} counted from then, though {count, plural, one {it} other {they}} may have bound {party_the} only later: {names}.",
  'coh.note.notParty':
    '{party_The} is not a Party to the Convention: the rules on what the Convention expects do not apply.',
  'coh.note.notPartyUntil':
    '{party_The} is not a Party to the Convention as far as the sources go ({until}; none later): the rules on what the Convention expects do not apply.',
  'coh.note.statusUnknown':
    'The status of {party_the} under the Convention is not recorded in the catalogue: the rules on what the Convention expects cannot decide.',
  'coh.note.scope':
    'Annotations that name the parties a provision covers (a reservation for one party only) count only for those parties. Annexes, schedules and side letters the catalogue does not hold may contain evidence that the report cannot see; each finding says what the record holds.',
  // Coherence: the document
  'coh.title': 'Coherence of the trade agreements of {party_the} with the 2005 Convention',
  'coh.subtitle':
    '{count, plural, one {# agreement} other {# agreements}} applied on {date}; findings: {findings}',
  'coh.severityCount': '{count} {severity}',
  'coh.param.party': 'Party',
  'coh.param.asOf': 'As of',
  'coh.param.counted': 'Annotations counted',
  'coh.param.countedAll': 'ACCEPTED and PROPOSED',
  'coh.param.countedAccepted': 'ACCEPTED only',
  'coh.param.inForce': 'Convention in force for the party',
  'coh.param.inForceUnknown': 'unknown (status {status})',
  'coh.param.inForceBy':
    'day not recorded; instrument deposited in {year}, so in force by {date} at the latest (agreements signed before then are not assessed)',
  'coh.param.notPartyOn': 'no: not a Party on {date}',
  'coh.param.notPartyUntil': 'no: not a Party as far as the sources go ({until}; none later)',
  'coh.param.developing': 'Developing country',
  'coh.scores.title': 'Scores by guideline paragraph',
  'coh.scores.description':
    'For each paragraph of the Operational Guidelines on the digital environment, the share of the agreements its rules could assess that meet it.',
  'coh.scores.chart': 'Agreements each paragraph applies to, by outcome',
  'coh.scores.chartDescription':
    'Stacked bar chart: the agreements each paragraph applies to, by outcome (meet it, not assessed, do not meet it, awaiting review), {count, plural, one {# paragraph} other {# paragraphs}}; the figures are in the table.',
  'coh.scores.agreements': 'Agreements',
  'coh.scores.notAssessed': 'Not assessed',
  'coh.scores.notMet': 'Do not meet it',
  'coh.scores.pending': 'Awaiting review',
  'coh.scores.share': 'Share meeting the paragraph',
  'coh.scores.meets': 'Meets',
  'coh.col.paragraph': 'Paragraph',
  'coh.col.asks': 'What it asks',
  'coh.col.assessed': 'Agreements assessed',
  'coh.col.met': 'Agreements that meet it',
  'coh.col.share': 'Share of the assessed agreements that meet it',
  'coh.col.pending': 'Agreements awaiting review (not in the share)',
  'coh.col.notAssessed': 'Agreements not assessed: the record cannot tell (not in the share)',
  'coh.col.rules': 'Rules',
  'coh.findings.title': 'Findings',
  'coh.findings.description':
    'Each finding says what was found (outcome NOT_MET), what awaits review (PENDING_REVIEW: evidence proposed, by the annotation rules or an annotator, that no reviewer has confirmed yet) or what cannot be judged (UNKNOWN: the record is too incomplete, or a fact is missing); why it matters under the Guidelines; and what the ministry could check. The evidence table below links every provision.',
  'coh.col.outcome': 'Outcome',
  'coh.col.severity': 'Severity',
  'coh.col.agreement': 'Agreement',
  'coh.col.signed': 'Signed',
  'coh.col.found': 'What was found',
  'coh.col.why': 'Why it matters',
  'coh.col.check': 'What to check',
  'coh.col.record': 'What the catalogue holds',
  'coh.col.evidence': 'Evidence',
  'coh.col.rule': 'Rule',
  'coh.allAgreements': '{party} (all agreements)',
  'coh.absence': 'absence',
  'coh.evidence.title': 'Evidence',
  'coh.evidence.description':
    'The provisions each finding cites, with the annotation that makes them evidence and its review status today: the report counts what is reviewed when it is made, whatever its date.',
  'coh.col.finding': 'Finding #',
  'coh.col.provision': 'Provision',
  'coh.col.pinpoint': 'Pinpoint',
  'coh.col.code': 'Code',
  'coh.col.binding': 'Binding force',
  'coh.col.reviewToday': 'Review status today',
  'coh.col.detail': 'Detail',
  'coh.col.note': 'Why cited',
  'coh.cell.notMet': 'not met',
  'coh.cell.notMetProposed': 'not met, on proposals awaiting review',
  'coh.cell.pending': 'pending review',
  'coh.cell.legacy': 'legacy (before the Convention)',
  'coh.cell.unknown': 'unknown',
  'coh.cell.meets': 'meets',
  'coh.cell.meetsProposed': 'meets, on proposals awaiting review',
  'coh.cell.na': 'n/a',
  'coh.agreements.title': 'Agreements assessed',
  'coh.agreements.description':
    'Every agreement of the party applied on the report date, with the outcome per paragraph (pending review: proposed evidence awaits a reviewer; legacy: signed before the Convention, context not failure; n/a: the rules do not apply; unknown: the record or a fact is missing) and what the catalogue holds of it.',
  'coh.col.applied': 'Applied to the party since',
  'coh.col.firstDates': "Date is the agreement's first (the party's own not recorded)",
  'coh.col.atLatest': "Date is a bound: in force on or before it (the party's own day not recorded)",
  'coh.col.inferred': 'Date is the signature (no date of entry into force recorded)',
  'coh.col.via': 'Via',
  'coh.col.role': "The party's role",
  'coh.cell.original': 'original party',
  'coh.cell.acceded': 'acceded after the signature',
  'coh.col.partners': 'Partners',
  'coh.col.accepted': 'Annotations reviewed',
  'coh.col.proposed': 'Proposals awaiting review',
  'coh.col.recordShort': 'Record',
  'coh.trend.title': 'Trend by year of signature',
  'coh.trend.description':
    'Share of the assessed agreements signed each year that meet each paragraph (years with no assessed agreement are left out).',
  'coh.trend.chartDescription':
    'Line chart: share of the assessed agreements meeting each paragraph by year of signature, {count, plural, one {# series} other {# series}}; the figures are in the table.',
  'coh.col.year': 'Year',
  'coh.col.yearSigned': 'Year of signature',
  'coh.col.paragraphShare': '§{paragraph}: share meeting it',
  'coh.trend.cell': '{share} ({met} of {assessed})',
  'coh.rules.title': 'Rules',
  'coh.rules.description':
    'The rules behind the findings (docs/coherence-rules.md in the project explains each). Each ends, per agreement, in MET (reviewed evidence), PENDING_REVIEW (only proposed evidence), NOT_MET (no evidence in a record complete enough to judge), UNKNOWN (the record or a fact is missing) or NOT_APPLICABLE. Rules on what the Convention expects apply to agreements signed after its adoption ({adopted}) and its entry into force for the party; older ones are context. HIGH needs an operative commitment as evidence; a chapter heading or a non-binding clause raises at most LOW.',
  'coh.col.ruleTitle': 'Finding',
  'coh.col.checks': 'What it checks',
  'coh.col.scored': 'Scored',
  // Trends
  'trends.by.YEAR': 'year of signature',
  'trends.by.REGION': 'region',
  'trends.by.AGREEMENT_TYPE': 'agreement type',
  'trends.by.PARTY': 'party',
  'trends.groupLabel.YEAR': 'Year of signature',
  'trends.groupLabel.REGION': 'Region',
  'trends.groupLabel.AGREEMENT_TYPE': 'Agreement type',
  'trends.groupLabel.PARTY': 'Party',
  'trends.unknownGroup.YEAR': 'Unknown year',
  'trends.unknownGroup.REGION': 'Unknown region',
  'trends.unknownGroup.AGREEMENT_TYPE': 'No type recorded',
  'trends.unknownGroup.PARTY': 'No party recorded',
  'trends.unboundGroup': 'Binding no party (signed only, or no party recorded)',
  'trends.title': 'Trends by {by}, {range}',
  'trends.noAgreement': 'no agreement',
  'trends.range.from': 'from {from}',
  'trends.range.to': 'up to {to}',
  'trends.empty.from':
    'No agreement in the catalogue was signed in {from} or later: the last was signed in {last}.',
  'trends.empty.to':
    'No agreement in the catalogue was signed in {to} or earlier: the first was signed in {first}.',
  'trends.empty.between':
    'No agreement in the catalogue was signed from {from} to {to}: its agreements were signed from {first} to {last}.',
  'trends.empty.none': 'The catalogue holds no agreement with a date of signature.',
  'trends.subtitle':
    '{count, plural, one {# agreement} other {# agreements}} signed {range}, {groups, plural, one {# group} other {# groups}}',
  'trends.param.groupBy': 'Group by',
  'trends.param.from': 'From',
  'trends.param.to': 'To',
  'trends.param.firstSignature': 'first signature',
  'trends.param.lastSignature': 'last signature',
  'trends.param.clauses': 'Clauses',
  'trends.param.counted': 'Evidence counted',
  'trends.counted.proposed': 'accepted and proposed annotations',
  'trends.counted.accepted': 'accepted annotations (proposed ones shown apart, awaiting review)',
  'trends.share.pending': '{count} proposed, awaiting review',
  'trends.share.accepted': '{share} ({accepted} accepted)',
  'trends.share.both': '{share} ({accepted} accepted + {proposed} proposed)',
  'trends.yLabel': 'Share of agreements',
  'trends.shares.title': 'Share of agreements with accepted evidence of each clause',
  'trends.shares.sheet': 'Shares (accepted)',
  'trends.shares.description':
    'Share of the agreements signed each year that have at least one provision whose annotation a reviewer accepted.',
  'trends.sharesProposed.title': 'Share of agreements with accepted or proposed evidence of each clause',
  'trends.sharesProposed.sheet': 'Shares (with proposed)',
  'trends.sharesProposed.description':
    'The same share counting also the proposed annotations (by the annotation rules or an annotator) that nobody has reviewed yet: the gap between the two charts is what awaits review.',
  'trends.line.chartDescription':
    'Line chart: share of agreements by year of signature, {count, plural, one {# series} other {# series}}; the figures are in the table.',
  'trends.line.gaps':
    'A line breaks at a year in which no agreement was signed: there is no share to draw there.',
  'trends.volume.title': 'Agreements signed per year',
  'trends.volume.yLabel': 'Agreements',
  'trends.volume.series': 'Agreements signed',
  'trends.volume.chartDescription':
    'Line chart: agreements signed per year, {count, plural, one {# year} other {# years}}; the figures are in the table.',
  'trends.heatmap.title': 'Share of agreements with each clause',
  'trends.heatmap.largest': 'The {shown} largest of {total} groups; the tables list them all.',
  'trends.heatmap.proposed': 'Shares count accepted and proposed evidence.',
  'trends.heatmap.accepted':
    'Shares count accepted evidence; "+n": n more agreements have proposed evidence only, awaiting review; hatched cells in brackets have proposed evidence only.',
  'trends.heatmap.legendProposed': 'Share of agreements (accepted or proposed)',
  'trends.heatmap.legendAccepted': 'Share of agreements (accepted evidence)',
  'trends.heatmap.pending': 'proposed only, awaiting review',
  'trends.heatmap.noData': 'no data',
  'trends.heatmap.chartDescription':
    'Heatmap: share of agreements by group and clause, {count, plural, one {# group} other {# groups}}, darker for more; the figures are in the table.',
  'trends.groups.title': 'By {by}',
  'trends.groups.proposed':
    'Share of the agreements of each group that have the clause, accepted or proposed, and how many of each.',
  'trends.groups.accepted':
    'Share of the agreements of each group that have the clause in an accepted annotation, and how many more have it in proposed annotations only (awaiting review).',
  'trends.col.agreements': 'Agreements in the group',
  'trends.col.partial': 'Agreements with partial records',
  'trends.counts.title': 'Counts',
  'trends.counts.description':
    'One row per group and clause: agreements with accepted evidence, agreements with proposed evidence only (awaiting review), and the shares with and without the proposals.',
  'trends.col.key': 'Group key',
  'trends.col.clause': 'Clause',
  'trends.col.code': 'Code',
  'trends.col.accepted': 'Agreements with accepted evidence',
  'trends.col.proposed': 'Agreements with proposed evidence only',
  'trends.col.proposedOf': '{clause}: agreements with proposed evidence only',
  'trends.col.acceptedShare': 'Share of agreements with accepted evidence',
  'trends.col.shareWithProposed': 'Share of agreements with accepted or proposed evidence',
  'trends.col.shareOf': '{clause}: share of agreements with accepted evidence',
  'trends.col.shareOfProposed': '{clause}: share of agreements with accepted or proposed evidence',
  'trends.note.agreements':
    'Counts agreements, not provisions: an agreement has a code when at least one of its provisions carries it. Agreements with no recorded signature date are left out.',
  'trends.note.parties':
    'Parties are those an agreement binds: a bloc such as the European Union and, through it, each of its member states; dependent territories are not parties.',
  'trends.note.scope':
    'A clause that names the parties it covers (an exemption for one party only) counts only in the groups of those parties.',
  'trends.note.throughBlocs':
    'A bloc’s agreement counts in the region of each of its member states: {parts}.',
  'trends.note.throughBlocsPart':
    '{group} counts {count} of its {total, plural, one {# agreement} other {# agreements}} only through member states of a bloc ({names})',
  'trends.note.through': '{party} through {bloc}',
  'trends.note.partial':
    '{count} of the {total, plural, one {# agreement} other {# agreements}} {count, plural, one {holds} other {hold}} only selected provisions or no text ({names}): a clause missing from such a record is not known to be absent, so a share over them is a floor ("Agreements with partial records" in the tables).',
  'trends.note.partialGroup': '{group}: {count} of {total}',
  'trends.note.overlap':
    'An agreement counts once in every group it belongs to, so group sizes add up to more than the total.',
  // Evidence words the comparison and the flows share
  'evidence.both': '{accepted} accepted + {proposed} proposed',
  'evidence.proposed': '{proposed} proposed, awaiting review',
  'evidence.accepted': '{accepted} accepted',
  'status.ACCEPTED': 'accepted',
  'status.PROPOSED': 'proposed, awaiting review',
  'status.REJECTED': 'rejected',
  'force.BINDING': 'binding',
  'force.BEST_ENDEAVOUR': 'best endeavour',
  'force.DECLARATORY': 'declaratory',
  'force.unknown': 'force unknown',
  'forceShort.BINDING': 'B',
  'forceShort.BEST_ENDEAVOUR': 'BE',
  'forceShort.DECLARATORY': 'D',
  'mechanism.ARTIST_MOBILITY': 'artist mobility',
  'mechanism.CO_PRODUCTION': 'co-production',
  'mechanism.MARKET_ACCESS': 'market access',
  'mechanism.TECHNICAL_ASSISTANCE': 'technical assistance',
  'mechanism.OTHER': 'other',
  // The other detail values (e-commerce subtypes, the Guidelines) by name: English as its files always had them.
  'detail.DATA_FLOWS': 'data flows',
  'detail.DATA_LOCALISATION': 'data localisation',
  'detail.PERSONAL_DATA': 'personal data',
  'detail.CONSUMER_PROTECTION': 'consumer protection',
  'detail.AUTHENTICATION': 'authentication',
  'detail.PAPERLESS_TRADE': 'paperless trade',
  'detail.SPAM': 'spam',
  'detail.COOPERATION': 'cooperation',
  'detail.DEFINITIONS_SCOPE': 'definitions scope',
  'detail.GUIDELINES': 'guidelines',
  'agreementStatus.UNDER_NEGOTIATION': 'under negotiation',
  'agreementStatus.SIGNED': 'signed',
  'agreementStatus.PROVISIONALLY_APPLIED': 'provisionally applied',
  'agreementStatus.IN_FORCE': 'in force',
  'agreementStatus.TERMINATED': 'terminated',
  'col.agreement': 'Agreement',
  'col.clause': 'Clause',
  'col.provision': 'Provision',
  'col.provisions': 'Provisions',
  'col.pinpoint': 'Pinpoint',
  'col.binding': 'Binding force',
  'col.review': 'Review',
  'col.detail': 'Detail',
  'col.code': 'Code',
  'col.signed': 'Signed',
  // Comparison
  'cmp.title': 'Comparison of {count, plural, one {# agreement} other {# agreements}}',
  'cmp.param.agreements': 'Agreements',
  'cmp.param.codes': 'Codes',
  'cmp.matrix.title': 'Matrix',
  'cmp.matrix.proposed':
    'Metadata rows, then one row per code: the strongest binding force among the provisions with the code, and their keys (linked to the first); a cell says how many are accepted and how many proposed.',
  'cmp.matrix.accepted':
    'Metadata rows, then one row per code: the strongest binding force among the provisions with an accepted annotation of the code, and their keys (linked to the first); provisions with only a proposed annotation follow as "proposed, awaiting review". A cell with proposals only has a hatched style of its own.',
  'cmp.col.row': 'Row',
  'cmp.row.slug': 'Slug',
  'cmp.row.inForce': 'Entry into force',
  'cmp.row.applied': 'Applied since',
  'cmp.row.status': 'Status',
  'cmp.row.parties': 'Parties',
  'cmp.row.via': 'Member states bound through a bloc',
  'cmp.row.developing': 'Developing parties',
  'cmp.row.signatoriesOnly': 'Signed only, never bound',
  'cmp.row.record': 'Record held',
  'cmp.via.bloc': '{member} (bloc: {code})',
  'cmp.via.from': '{code} from {date}',
  'cmp.via.fromBy': '{code} from a day on or before {date}',
  'cmp.via.fromByTo': '{code} from a day on or before {from} to {to}',
  'cmp.via.to': '{code} to {date}',
  'cmp.via.fromTo': '{code} from {from} to {to}',
  'cmp.via.unknown': '{code} from a date not known',
  'cmp.via.unknownTo': '{code} from a date not known to {to}',
  'cmp.cell': '{force}: {keys}',
  'cmp.cell.scope': '({parties} only)',
  'cmp.cell.waiting': '{evidence}: {keys}',
  'cmp.cell.pending': '{evidence}: {keys} ({force})',
  'cmp.heatmap.title': 'Heatmap',
  'cmp.heatmap.description':
    'Strongest binding force by code among the provisions counted as evidence: B binding, BE best endeavour, D declaratory, blank none.',
  'cmp.heatmap.pendingCells':
    'Hatched cells in brackets, such as (B): proposed evidence only, awaiting review; "+" after a letter: more provisions proposed.',
  'cmp.heatmap.rowLabel': 'Code',
  'cmp.heatmap.none': 'none',
  'cmp.heatmap.legend': 'Strength (0 none, 1 declaratory, 2 best endeavour, 3 binding)',
  'cmp.heatmap.column': '{agreement}: strength (0 none, 1 declaratory, 2 best endeavour, 3 binding)',
  'cmp.heatmap.chartDescription':
    'Heatmap: strongest binding force by code and agreement, {count, plural, one {# code} other {# codes}}, darker for stronger; the figures are in the table.',
  'cmp.provisions.title': 'Provisions',
  'cmp.provisions.description': 'Every provision with a code of the matrix, accepted or proposed.',
  'cmp.note.cell':
    'A cell shows the strongest binding force among the provisions counted as evidence, and lists every provision with the code, accepted or proposed.',
  'cmp.note.empty':
    'An empty cell means no annotation at all, accepted or proposed: the agreement may still have a provision the annotators have not coded, or texts (annexes, schedules) the catalogue does not hold.',
  'cmp.note.statusOf2017':
    "The status of {count, plural, one {# agreement} other {# agreements}} ({names}) is the one imported from ToTA (the WTO's record as ToTA copied it in 2017, or DESTA's later list where that record said signed only), not re-checked since: an agreement that has ended after that still reads as in force unless the catalogue records its end (its page names the source of its status).",
  'cmp.note.partial':
    'The catalogue holds only selected provisions (or none) of {count, plural, one {# agreement} other {# agreements}}: {names}. An empty cell there says nothing of the provisions not held (the row "Record held" says what is).',
  'cmp.note.parties':
    'Parties are those the agreement binds: a bloc such as the European Union as itself, its member states "via" the bloc (never as separate partners); dependent territories are not parties.',
  'cmp.note.signatoriesOnly':
    'A party that signed an agreement and is bound by it on no date (the agreement never entered into force, as the TPP, or the party never applied it, as Haiti the EU-CARIFORUM EPA) is no party it binds: it is listed apart, as signed only, never bound.',
  // Flows
  'flows.title': 'Preferential treatment for culture: who grants what to whom',
  'flows.subtitle':
    '{flows, plural, one {# flow} other {# flows}}, {pairs, plural, one {# grantor–beneficiary pair} other {# grantor–beneficiary pairs}}, {provisions, plural, one {# provision} other {# provisions}}',
  'flows.subtitlePending':
    '{flows, plural, one {# flow} other {# flows}} ({pending} pending review), {pairs, plural, one {# grantor–beneficiary pair} other {# grantor–beneficiary pairs}}, {provisions, plural, one {# provision} other {# provisions}}',
  'flows.param.grantors': 'Grantors',
  'flows.param.beneficiaries': 'Beneficiaries',
  'flows.param.mechanisms': 'Mechanisms',
  'flows.param.agreements': 'Agreements',
  'flows.param.signedFrom': 'Signed from',
  'flows.param.signedTo': 'Signed to',
  'flows.pair': '{grantor} → {beneficiary}',
  'flows.pairs.title': 'Grantor → beneficiary',
  'flows.pairs.column': '{mechanism}: provisions',
  'flows.pairs.largest': 'Provisions per pair and mechanism: the {shown} largest of {total} pairs.',
  'flows.pairs.all': 'Provisions per pair and mechanism.',
  'flows.pairs.pendingSeries': 'Provisions with proposed annotations only are a series of their own.',
  'flows.pairs.chartDescription':
    'Stacked bar chart: provisions per grantor → beneficiary pair and mechanism, {count, plural, one {# pair} other {# pairs}}; the figures are in the table.',
  'flows.flows.title': 'Flows',
  'flows.col.grantor': 'Grantor',
  'flows.col.beneficiary': 'Beneficiary',
  'flows.col.mechanism': 'Mechanism',
  'flows.col.mechanisms': 'Mechanisms',
  'flows.col.accepted': 'Accepted evidence (provisions)',
  'flows.col.proposed': 'Proposed evidence (provisions)',
  'flows.col.proposedWaiting': 'Proposed evidence, awaiting review (provisions)',
  'flows.col.pending': 'Proposed evidence only (awaiting review)',
  'flows.col.mutual': 'Mutual',
  'flows.col.grantors': 'Grantors',
  'flows.col.beneficiaries': 'Beneficiaries',
  'flows.provisions.title': 'Provisions',
  'flows.note.pending':
    'A flow whose only evidence is proposed is shown as pending: the annotation rules found it and a reviewer has yet to confirm it.',
  'flows.note.who':
    "Grantors are the developed partners of an agreement (the European Union as a bloc), beneficiaries its developing-country partners (the taxonomy: not World Bank high income, or a least developed country or small island developing state), on {basis} for agreements of every year: a partner's income group when the agreement was signed may have differed. Where no partner is developed, the developing partners grant each other (mutual). In an agreement of a bloc (the European Union and its member states of the one part), partners other than the bloc are on the other side together and grant each other nothing under it.",
  'flows.note.partners':
    "Partners are the parties an agreement binds in their own right: a bloc's member states are bound through the bloc and are never partners of its agreements, nor beneficiaries of them; dependent territories are not parties. A provision that names the parties it covers gives a flow only where it covers the grantor or the beneficiary.",
  'flows.note.unknown':
    '{count, plural, one {# party entry whose developing status is unknown is neither a grantor nor a beneficiary} other {# party entries whose developing status is unknown are neither grantors nor beneficiaries}}.',
  // Every file: the renderers' own words
  'file.kind': 'Clause Tracker report: {kind}',
  'file.generated': 'Generated',
  'file.footer': '{title}. Generated {date} by Clause Tracker.',
  'file.parameters': 'Parameters',
  'file.notes': 'Notes',
  'file.sections': 'Sections',
  'file.chart': '{title}: chart',
  'file.table': '{title}: table',
  'file.data': '{title}: data',
  'file.chartData': 'Data of the chart',
  'file.chartDataIntro': 'Data of the chart:',
  'file.parameterLine': '{name}: {value}',
  'file.nothing': 'Nothing to show.',
  'file.noRows': '{title}: no rows.',
  'file.generatedOn': 'Generated {date}.',
  'file.sectionCsv': 'Section {id}, as CSV:',
  'file.noRowsShort': 'No rows.',
  'file.linkColumn': '{label} (link)',
  'file.about': 'About',
  'file.report': 'Report',
  'file.subtitle': 'Subject',
  'file.sheets': 'Sheets',
  'file.aboutItem': 'Item',
  'file.aboutText': 'Text',
  // Words of the files' names (the report's words; codes, slugs and dates stay as they are)
  'filename.coherence': 'coherence',
  'filename.trends': 'trends',
  'filename.comparison': 'comparison',
  'filename.flows': 'flows',
  'filename.year': 'year',
  'filename.region': 'region',
  'filename.agreementType': 'agreement-type',
  'filename.party': 'party',
  'filename.scores': 'scores',
  'filename.findings': 'findings',
  'filename.evidence': 'evidence',
  'filename.agreements': 'agreements',
  'filename.trend': 'trend',
  'filename.rules': 'rules',
  'filename.matrix': 'matrix',
  'filename.heatmap': 'heatmap',
  'filename.provisions': 'provisions',
  'filename.pairs': 'pairs',
  'filename.volume': 'volume',
  'filename.shares': 'shares',
  'filename.groups': 'groups',
  'keyword.protocol': 'protocol',
  'keyword.annex': 'annex',
  'keyword.appendix': 'appendix',
  'keyword.side-letter': 'side letter',
  'keyword.cultural-cooperation': 'cultural cooperation',
  'keyword.cultural-industries': 'cultural industries',
  'keyword.audiovisual-co-productions': 'audiovisual co-productions',
  'keyword.e-commerce': 'e-commerce',
  'keyword.electronic-commerce': 'electronic commerce',
  'keyword.culture': 'culture',
  'filename.counts': 'counts',
  'filename.toBeneficiaries': 'to-{codes}',
  'filename.signedFrom': 'signed-from-{date}',
  'filename.signedTo': 'signed-to-{date}',
  'filename.asOf': 'as-of-{date}',
  'filename.withProposals': 'with-proposals',
  'filename.from': 'from-{year}',
  'filename.to': 'to-{year}',
} as const;

export type ReportTextKey = keyof typeof EN;
type ReportTexts = Record<ReportTextKey, string>;

const FR: ReportTexts = {
  'list.more': '{list} et {count, plural, one {# autre} other {# autres}}',
  'list.pair': '{a} et {b}',
  'list.or': '{a} ou {b}',
  'list.sentences': '{sentences}',
  'value.yes': 'oui',
  'value.no': 'non',
  'value.unknown': 'inconnu',
  'value.none': 'aucune',
  // "constats : aucun", "États membres… : aucun" (masculine; "aucune" is evidence's, "preuve")
  'value.noFinding': 'aucun',
  'value.noMember': 'aucun',
  'value.asOfDay': 'au {date}',
  'value.asOfPart': 'en {date}',
  'value.partyWithCode': '{name} ({code})',
  'paragraph.short': '§{paragraph}',
  'record.FULL_TEXT':
    'Texte intégral : {parts} ({count, plural, one {# disposition} other {# dispositions}}) ; non détenu : {missing}.',
  'record.FULL_TEXT_PARTIAL':
    'Texte intégral : {parts} ({count, plural, one {# disposition} other {# dispositions}}) ; dispositions choisies seulement : {partial} ; non détenu : {missing}.',
  'record.EXCERPTS':
    'La fiche ne contient {count, plural, =1 {qu’une disposition choisie} other {que # dispositions choisies}}. Ce qui lui manque peut se trouver dans les parties non détenues.',
  'record.METADATA_ONLY': 'La fiche ne contient aucune disposition, seulement les faits de l’accord.',
  'record.nothing': 'rien',
  'part.MAIN_TEXT': 'texte principal',
  'part.ANNEXES': 'annexes',
  'part.SCHEDULES': 'listes d’engagements et de réserves',
  'part.PROTOCOLS': 'protocoles',
  'part.SIDE_LETTERS': 'lettres d’accompagnement',
  'severity.HIGH': 'ÉLEVÉE',
  'severity.MEDIUM': 'MOYENNE',
  'severity.LOW': 'FAIBLE',
  'severity.INFO': 'INFO',
  'outcome.MET': 'SATISFAITE',
  'outcome.PENDING_REVIEW': 'EN ATTENTE DE RELECTURE',
  'outcome.NOT_MET': 'NON SATISFAITE',
  'outcome.UNKNOWN': 'INDÉTERMINÉE',
  'outcome.NOT_APPLICABLE': 'SANS OBJET',
  'note.status.proposed':
    'Compte les annotations ACCEPTÉES et PROPOSÉES : les PROPOSÉES viennent des règles d’annotation et personne ne les a encore relues.',
  'note.status.accepted':
    'Ne compte que les annotations ACCEPTÉES (relues par une personne) ; les PROPOSÉES sont laissées de côté (includeProposed les compte).',
  'note.evidence.proposed':
    'Compte comme preuves à la fois les annotations acceptées par un relecteur et celles proposées (par les règles d’annotation ou un annotateur) que personne n’a encore relues ; chaque disposition indique ce qu’il en est.',
  'note.evidence.accepted':
    'Compte comme preuves les annotations acceptées par un relecteur. Les annotations proposées (par les règles d’annotation ou un annotateur) que personne n’a encore relues sont montrées à côté comme « proposées » (en attente de relecture), jamais comme une absence ; demandez d’inclure les propositions pour les compter comme preuves.',
  'developing.basis':
    'les catégories de revenu de la Banque mondiale (exercice 2023), ou les listes des Nations Unies des PMA et des PEID',
  'coh.gate.notParty':
    '{party_The} {party_n, plural, one {n’est pas Partie} other {ne sont pas Parties}} à la Convention : ce qu’elle attend ne s’applique pas.',
  'coh.gate.notPartyUntil':
    '{party_The} {party_n, plural, one {n’est pas Partie} other {ne sont pas Parties}} à la Convention ({until}, la dernière date que donnent les sources) : ce qu’elle attend ne s’applique pas.',
  'coh.gate.notYetParty':
    '{party_The} {party_n, plural, one {n’était pas encore Partie} other {n’étaient pas encore Parties}} à la Convention au {date} (en vigueur à {party_n, plural, one {son} other {leur}} égard à compter du {inForce}) : ce qu’elle attend ne s’appliquait pas alors.',
  'coh.gate.notYetInForce':
    '{party_The} {party_n, plural, one {n’était pas encore Partie} other {n’étaient pas encore Parties}} à la Convention au {date} (en vigueur à compter du {inForce}, pour aucune Partie plus tôt) : ce qu’elle attend ne s’appliquait pas alors.',
  'coh.gate.notYetInForceFrom':
    '{party_The} {party_n, plural, one {n’était pas encore Partie} other {n’étaient pas encore Parties}} à la Convention au {date} (instrument déposé en {year}, donc en vigueur à {party_n, plural, one {son} other {leur}} égard au plus tôt le {inForce}) : ce qu’elle attend ne s’appliquait pas alors.',
  'coh.gate.inForceBetween':
    'On ne sait pas si {party_the} {party_n, plural, one {était Partie} other {étaient Parties}} à la Convention au {date} : instrument déposé en {year} (jour non enregistré), donc en vigueur à {party_n, plural, one {son} other {leur}} égard entre le {from} et le {by}.',
  'coh.gate.undated':
    'La date de signature n’est pas enregistrée : on ne sait pas si la Convention pouvait influer sur l’accord.',
  'coh.gate.beforeAdoption':
    'Signé le {signed}, avant l’adoption de la Convention ({adopted}) : un élément de contexte pour une révision future, pas un manquement.',
  'coh.gate.noInForce':
    'La date d’entrée en vigueur de la Convention pour {party_the} n’est pas enregistrée : on ne sait pas sur quels accords elle pouvait influer.',
  'coh.gate.beforeInForce':
    'Signé le {signed}, avant l’entrée en vigueur de la Convention pour {party_the} ({inForce}) : un élément de contexte, pas un manquement.',
  'coh.gate.beforeInForceFrom':
    'Signé le {signed}, avant que la Convention ait pu entrer en vigueur pour {party_the} (instrument déposé en {year}, donc en vigueur au plus tôt le {inForce}) : un élément de contexte, pas un manquement.',
  'coh.gate.beforeConventionInForce':
    'Signé le {signed}, avant l’entrée en vigueur de la Convention ({inForce}, pour aucune Partie plus tôt) : un élément de contexte, pas un manquement.',
  'coh.pending':
    'En attente de la relecture de {count, plural, one {# annotation proposée} other {# annotations proposées}}. Une fois qu’un relecteur {count, plural, one {l’aura confirmée} other {les aura confirmées}}, le constat se lira ainsi. {proposed} D’ici là, il se lit ainsi. {accepted}',
  'coh.pendingOthers':
    'En attente de la relecture de {count, plural, one {# annotation proposée} other {# annotations proposées}} {agreements, plural, one {d’un autre accord} other {d’autres accords}} ({names}){own, plural, =0 {} one {, et de # de cet accord} other {, et de # de cet accord}}. Une fois qu’un relecteur {total, plural, one {l’aura confirmée} other {les aura confirmées}}, le constat se lira ainsi. {proposed} D’ici là, il se lit ainsi. {accepted}',
  'coh.onProposals':
    'Repose sur {count, plural, one {# annotation proposée qu’aucun relecteur n’a encore confirmée} other {# annotations proposées qu’aucun relecteur n’a encore confirmées}}, comptée{count, plural, one {} other {s}} parce que le rapport compte les propositions. {proposed} Sur les seules annotations acceptées, il se lit ainsi. {accepted}',
  'coh.onProposalsOthers':
    'Repose sur {count, plural, one {# annotation proposée} other {# annotations proposées}} {agreements, plural, one {d’un autre accord} other {d’autres accords}} ({names}){own, plural, =0 {} other {, et sur # de cet accord}}, qu’aucun relecteur n’a encore {total, plural, one {confirmée, comptée} other {confirmées, comptées}} parce que le rapport compte les propositions. {proposed} Sur les seules annotations acceptées, il se lit ainsi. {accepted}',
  'coh.unjudged':
    'Impossible de juger sur la fiche détenue. {record} On ne sait pas si l’accord contient {absence}.',
  'coh.concerns': '{message} Concerne {count, plural, one {# accord} other {# accords}} : {names}.',
  'coh.ref.met': 'Fait référence à la Convention ou à la diversité des expressions culturelles.',
  'coh.ref.notMet':
    'Signé le {signed}, alors que la Convention s’appliquait déjà {party_to}, sans référence à la Convention ni à la diversité culturelle dans les dispositions détenues.',
  'coh.ref.absence': 'une référence à la Convention ou à la diversité culturelle',
  'coh.implicit.met': 'Nomme la Convention.',
  'coh.implicit.na':
    'Aucune référence à la Convention ni à la diversité culturelle dans les dispositions détenues (l’autre règle du paragraphe 19.5 le signale).',
  'coh.implicit.notMet': 'Invoque la diversité culturelle sans nommer la Convention.',
  'coh.implicit.absence': 'une référence qui nomme la Convention',
  'coh.ecommerce.na':
    'Aucun engagement contraignant sur le commerce électronique portant sur les droits de douane ou les produits numériques trouvé dans les dispositions détenues.',
  'coh.ecommerce.met':
    'Les engagements sur le commerce électronique s’accompagnent d’une exclusion culturelle ou d’une exemption culturelle.',
  'coh.ecommerce.notMet':
    'Engage les parties sur {subjects}, sans exclusion pour les contenus culturels ni exemption culturelle dans les dispositions détenues.',
  'coh.ecommerce.CUSTOMS_DUTIES': 'les droits de douane sur les transmissions électroniques',
  'coh.ecommerce.DIGITAL_PRODUCTS_NON_DISCRIMINATION': 'la non-discrimination des produits numériques',
  'coh.ecommerce.absence': 'une exclusion culturelle ou une exemption culturelle',
  'coh.ecommerce.naAbsence':
    'un engagement contraignant sur le commerce électronique portant sur les droits de douane ou les produits numériques',
  'coh.services.na':
    'Aucun engagement sur les services, l’investissement ou l’établissement trouvé dans les dispositions détenues.',
  'coh.services.met':
    'Comporte une exclusion de l’audiovisuel ou une exemption culturelle (les dispositions citées disent ce que chacune écarte).',
  'coh.services.notMet':
    'Comporte des engagements sur les services ou l’investissement ({where}) sans exclusion des services audiovisuels ni exemption culturelle dans les dispositions détenues.',
  'coh.services.types': 'type d’accord {types}',
  'coh.services.typeOnly':
    'Sa source le classe {types} (un accord qui couvre les services), mais aucun chapitre sur les services, l’investissement ou l’établissement ne figure dans les dispositions détenues : les engagements peuvent se trouver dans un instrument que le catalogue ne détient pas (un accord ultérieur sur les services). On ne sait pas s’ils s’accompagnent d’une exclusion de l’audiovisuel ou d’une exemption culturelle.',
  'coh.services.absence': 'une exclusion de l’audiovisuel ou une exemption culturelle',
  'coh.services.naAbsence': 'des engagements sur les services, l’investissement ou l’établissement',
  'coh.consistency.naAbsence': 'des engagements dont la culture devrait être protégée',
  'coh.chapter': 'chapitre {number} « {title} »',
  'coh.chapterNamed': '{number} « {title} »',
  'coh.chapterUnnumbered': 'chapitre « {title} »',
  'coh.evidence.operative': 'article opérationnel du {chapter}',
  'coh.evidence.first': 'premier article du {chapter}',
  'coh.preferential.unknown':
    'On ne sait pas si {party_the} {party_n, plural, one {est} other {sont}} un pays en développement : le paragraphe 18.2 ne peut pas être vérifié.',
  'coh.preferential.developing':
    '{party_The} {party_n, plural, one {est} other {sont}} un pays en développement selon {basis}.',
  'coh.preferential.received':
    '{party_The} {party_n, plural, one {est} other {sont}} un pays en développement selon {basis}, le 18.2 ne {party_n, plural, one {lui} other {leur}} demande donc rien ; l’accord accorde à la culture {party_of} un traitement préférentiel, octroyé par {names}.',
  'coh.preferential.noPartner':
    'Aucun partenaire en développement selon {basis} ; la catégorie de revenu d’un partenaire à la signature de l’accord a pu être différente.',
  'coh.preferential.noneRecorded':
    'Le catalogue n’enregistre aucune partie de l’autre côté de l’accord : on ne peut pas décider si le paragraphe 18.2 demande quelque chose ici.',
  'coh.preferential.partnersUndecided':
    'Aucun partenaire dont on sait qu’il est lié à la date du rapport n’est un pays en développement selon {basis}, mais {names} peut l’être : {count, plural, one {son engagement à cette date, ou sa catégorie de revenu, n’est} other {leur engagement à cette date, ou leur catégorie de revenu, n’est}} pas enregistré. On ne peut pas décider si le paragraphe 18.2 demande quelque chose ici.',
  'coh.preferential.ownSide':
    '{party_The} {party_n, plural, one {est} other {sont}} du même côté de cet accord d’un bloc que {count, plural, one {le pays en développement} other {les # pays en développement}} {names} (selon {basis}), le bloc, son seul partenaire ici, de l’autre : {party_the} ne {count, plural, one {lui} other {leur}} accorde rien au titre de l’accord (le bloc le fait), le 18.2 ne {party_n, plural, one {lui} other {leur}} demande donc rien ici.',
  'coh.preferential.met': 'Accorde un traitement préférentiel à la culture des partenaires en développement.',
  'coh.preferential.notMet':
    'Aucun traitement préférentiel pour la culture, bien {count, plural, one {qu’un partenaire soit un pays en développement} other {que # partenaires soient des pays en développement}} : {names} (selon {basis}).',
  'coh.preferential.absence': 'un traitement préférentiel pour la culture des partenaires en développement',
  'coh.consistency.na':
    'Aucun engagement dont la culture devrait être protégée trouvé dans les dispositions détenues.',
  'coh.consistency.undated':
    'La date de signature n’est pas enregistrée : le paragraphe 19.1 ne peut pas être vérifié.',
  'coh.consistency.noPeer': 'Aucun autre accord de la période {period} avec lequel comparer.',
  'coh.consistency.own': 'Protège la culture.',
  'coh.consistency.none':
    'Rien à comparer : ni cet accord ni {count, plural, one {l’autre accord} other {les # autres accords}} de la période {period} ne protègent la culture (les règles du 19.4 disent ce qui manque à chacun).',
  'coh.consistency.notMet':
    'Aucune exemption culturelle, exclusion de l’audiovisuel ni exclusion culturelle du commerce électronique dans les dispositions détenues, alors que {protecting} {count, plural, one {de l’autre accord} other {des # autres accords}} de la partie signés dans la période {period} en {protecting, plural, one {a} other {ont}} une : {names}.',
  'coh.consistency.absence':
    'une exemption culturelle, une exclusion de l’audiovisuel ou une exclusion culturelle du commerce électronique',
  'coh.partners.onDate': 'Partenaires non Parties à la Convention au {date} : {names}.',
  'coh.partners.lastKnown':
    'Partenaires non Parties à la Convention d’après les sources (rien de plus récent) : {names}.',
  'coh.partners.asOf': '{name} ({code}), au {date}',
  'coh.partners.asOfPartial': '{name} ({code}), en {date}',
  'coh.partners.unknownToo': 'Statut inconnu pour : {names}.',
  'coh.partners.unknown': 'Statut au regard de la Convention inconnu pour les partenaires : {names}.',
  'coh.partners.met': 'Tous les partenaires sont Parties à la Convention.',
  'coh.partners.metOnDate':
    'Tous les partenaires liés au {date} sont Parties à la Convention ; {names}, lié{count, plural, one {} other {s}} à des dates non enregistrées, n’{count, plural, one {est} other {sont}} pas jugé{count, plural, one {} other {s}} ici.',
  'coh.partners.none': 'Aucun partenaire n’est lié par l’accord au {date}.',
  'coh.partners.noneKnown':
    'Aucun partenaire n’est lié par l’accord au {date} à notre connaissance ; {names} peut l’être (les dates ne sont pas enregistrées), dont le statut au regard de la Convention n’est pas jugé ici.',
  'coh.partners.noneRecorded':
    'Le catalogue n’enregistre aucune partie de l’autre côté de l’accord : on ne peut rien dire des partenaires.',
  'rule.G19.5/no-convention-reference.title':
    'Aucune référence à la Convention ni à la diversité des expressions culturelles',
  'rule.G19.5/no-convention-reference.checks':
    'Une disposition (préambule compris) fait-elle référence à la Convention de 2005, ou à la diversité des expressions culturelles comme valeur ou objectif des parties ?',
  'rule.G19.5/no-convention-reference.why':
    'Le paragraphe 19.5 des Directives opérationnelles encourage les Parties à faire référence à la Convention dans leurs accords commerciaux, afin que l’accord soit lu en harmonie avec elle.',
  'rule.G19.5/no-convention-reference.whatToCheck':
    'Vérifier dans le préambule et les dispositions générales ou finales toute mention de la diversité culturelle ou de la Convention, et la noter pour la prochaine négociation ou révision de l’accord.',
  'rule.G19.5/implicit-reference-only.title':
    'Fait référence à la diversité culturelle sans nommer la Convention',
  'rule.G19.5/implicit-reference-only.checks':
    'Parmi les accords qui font référence à la diversité culturelle : la Convention de 2005 est-elle nommée ? Sans objet en l’absence de toute référence (l’autre règle du paragraphe 19.5 le signale).',
  'rule.G19.5/implicit-reference-only.why':
    'Le paragraphe 19.5 des Directives opérationnelles demande des références à la Convention elle-même ; une mention générale de la diversité culturelle offre un appui plus faible lorsque l’accord est interprété.',
  'rule.G19.5/implicit-reference-only.whatToCheck':
    'Lire les passages cités et envisager de nommer la Convention lors de la révision de l’accord.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.title':
    'Engagements sur le commerce électronique sans exclusion pour la culture',
  'rule.G19.4/ecommerce-without-cultural-carve-out.checks':
    'Accords comportant des dispositions sur le commerce électronique relatives aux droits de douane sur les transmissions électroniques ou à la non-discrimination des produits numériques (hors dispositions de meilleur effort ou déclaratoires) : y a-t-il une exclusion culturelle dans ces dispositions, ou une exemption culturelle générale, où que ce soit dans l’accord ? ÉLEVÉE seulement lorsqu’une de ces dispositions est enregistrée comme contraignante ; sinon FAIBLE.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.why':
    'Le paragraphe 19.4 des Directives opérationnelles demande que les engagements sur le commerce électronique reconnaissent la nature spécifique des biens et services culturels ; des engagements sur les produits numériques sans exclusion culturelle peuvent limiter les politiques culturelles en ligne.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.whatToCheck':
    'Lire les articles cités sur le commerce électronique et chercher dans l’accord (annexes et lettres d’accompagnement comprises) une exception pour les industries culturelles ou les contenus audiovisuels qui s’y applique.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.title':
    'Engagements sur les services ou l’investissement sans exclusion des services audiovisuels ou des industries culturelles',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.checks':
    'Accords de type {types}, ou comportant un chapitre dont le titre nomme les services, l’investissement ou l’établissement (en anglais, espagnol ou français ; hors chapitres de promotion, de facilitation ou de coopération) : y a-t-il une exclusion de l’audiovisuel ou une exemption culturelle où que ce soit dans l’accord ? ÉLEVÉE seulement lorsque le chapitre a un article opérationnel (traitement national ou accès aux marchés) ; un titre de chapitre seul donne FAIBLE.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.why':
    'Le paragraphe 19.4 des Directives opérationnelles demande que les engagements commerciaux reconnaissent la nature spécifique des services culturels ; libéraliser les services ou l’investissement sans exclure les services audiovisuels peut limiter le soutien aux industries culturelles.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.whatToCheck':
    'Lire les articles cités sur les services ou l’investissement, puis les listes d’engagements et de réserves de l’accord (souvent en annexe) à la recherche de réserves pour l’audiovisuel ou les industries culturelles.',
  'rule.G18.2/no-preferential-treatment.title':
    'Une partie développée ayant des partenaires en développement n’accorde aucun traitement préférentiel à la culture',
  'rule.G18.2/no-preferential-treatment.checks':
    'Lorsque la partie est un pays développé et qu’au moins un partenaire est un pays en développement : l’accord accorde-t-il un traitement préférentiel à la culture (quel qu’en soit le mécanisme) ? Sans objet pour une partie en développement, quelles que soient les dates (son contrôle nomme le traitement préférentiel qu’elle reçoit et les partenaires développés qui l’octroient), ou sans partenaire en développement ; indéterminé lorsque le statut de la partie n’est pas enregistré. Qui est en développement est lu dans {basis}, pour les accords de toutes les années.',
  'rule.G18.2/no-preferential-treatment.why':
    'Le paragraphe 18 des Directives opérationnelles demande aux pays développés d’accorder un traitement préférentiel aux biens et services culturels et aux professionnels de la culture des pays en développement, y compris par des accords commerciaux (article 16 de la Convention).',
  'rule.G18.2/no-preferential-treatment.whatToCheck':
    'Chercher des protocoles de coopération culturelle, de coproduction ou des facilités d’accès au marché pour les artistes et les services culturels des partenaires en développement nommés dans le constat.',
  'rule.G19.1/inconsistent-cultural-protection.title':
    'Culture protégée dans certains accords d’une période et pas dans d’autres',
  'rule.G19.1/inconsistent-cultural-protection.checks':
    'Parmi les accords de la partie qui comportent des engagements sur les services ou l’investissement ou des obligations sur le commerce électronique (au sens des deux règles du paragraphe 19.4), regroupés par période de signature de cinq ans (2005–2009, 2010–2014…) : un accord sans annotation {codes}, dans une période où au moins un autre de ces accords en a une. Le constat nomme les accords qui protègent la culture, avec leurs dispositions. Sans objet sans de tels engagements, sans autre accord dans la période, ou quand aucun accord de la période ne protège la culture (rien à comparer ; les règles du 19.4 signalent la lacune).',
  'rule.G19.1/inconsistent-cultural-protection.why':
    'Le paragraphe 19.1 des Directives opérationnelles demande aux Parties de garder leurs engagements au titre de différents accords cohérents entre eux et avec la Convention ; protéger la culture dans certains accords d’une période et pas dans d’autres nuit à cette cohérence.',
  'rule.G19.1/inconsistent-cultural-protection.whatToCheck':
    'Comparer cet accord avec ceux de la même période qui protègent la culture (nommés dans le constat) et vérifier si la protection a été omise à dessein.',
  'rule.INFO/partners-not-convention-parties.title': 'Partenaires qui ne sont pas Parties à la Convention',
  'rule.INFO/partners-not-convention-parties.checks':
    'Les partenaires de chaque accord qui ne sont pas Parties à la Convention à la date du rapport (ou, lorsque les sources s’arrêtent plus tôt, à la dernière date qu’elles donnent) ; les partenaires dont le catalogue ne connaît pas le statut sont nommés à part. Pour information seulement : non noté.',
  'rule.INFO/partners-not-convention-parties.why':
    'La Convention (article 21) demande aux Parties de promouvoir ses principes dans d’autres enceintes internationales ; c’est auprès des partenaires qui ne sont pas Parties que cette promotion compte le plus.',
  'rule.INFO/partners-not-convention-parties.whatToCheck':
    'Penser aux partenaires nommés lors de la promotion de la Convention dans les dialogues que l’accord met en place.',
  'scored.19.5': 'Les accords se réfèrent explicitement à la Convention de 2005',
  'scored.19.4':
    'Les biens et services culturels gardent leur spécificité dans les engagements sur le commerce électronique, les services et l’investissement',
  'scored.18.2':
    'Une partie développée accorde un traitement préférentiel à la culture de ses partenaires en développement (paragraphes 18, 18.2)',
  'scored.19.1': 'La culture est traitée de façon cohérente entre les accords d’une même période',
  'coh.note.statusOf2017':
    '{count} de ces {total} accords {count, plural, one {est compté} other {sont comptés}} comme en vigueur d’après le statut importé de ToTA (la liste de l’OMC telle que ToTA l’a copiée en 2017, ou la liste plus récente de DESTA là où celle-ci disait l’accord seulement signé), non revérifié depuis : un accord qui a pris fin après est encore compté, sauf si le catalogue enregistre sa fin (sa page nomme la source de son statut).',
  'coh.note.partnersUndated':
    'Les parties qui ont rejoint un accord à une date non enregistrée ne sont pas comptées parmi ses partenaires, car on ne sait pas s’il les liait au {date} (la page de l’accord nomme la source) : {names}.',
  'coh.note.partnersInForceByUndated':
    'Les parties à l’égard desquelles un accord était en vigueur au plus tard à un jour que donnent les sources, leur jour propre non enregistré, ce jour étant postérieur au {date}, ne sont pas comptées parmi ses partenaires, car on ne sait pas s’il les liait au {date} (la page de l’accord nomme la source) : {names}.',
  'coh.note.partnersStartedUndated':
    'Les parties originelles à l’égard desquelles un accord a commencé à s’appliquer à une date qu’aucune source ne donne (aucune date d’entrée en vigueur ni d’application provisoire n’est enregistrée pour elles ni pour l’accord) ne sont pas comptées parmi ses partenaires, car on ne sait pas s’il les liait au {date} (la page de l’accord nomme la source) : {names}.',
  'coh.note.partnersLeftUndated':
    'Les parties qui ont quitté un accord à une date non enregistrée ne sont pas comptées parmi ses partenaires, car on ne sait pas s’il les liait encore au {date} (la page de l’accord nomme la source) : {names}.',
  'coh.note.partnersUndatedItem': '{parties} dans {agreement}',
  'coh.note.bound':
    'Accords qui lient {party_the} au {date} (en vigueur ou appliqués à titre provisoire à {party_n, plural, one {son} other {leur}} égard ; {count}).',
  'coh.note.leftOut':
    '{count, plural, one {# autre accord} other {# autres accords}} {party_of} {count, plural, one {est laissé} other {sont laissés}} de côté, ne liant pas {party_the} à cette date : {names}.',
  'coh.note.notBound.SIGNED_ONLY': '{agreement} (signé, jamais appliqué)',
  'coh.note.notBound.APPLIES_LATER': '{agreement} (appliqué seulement à partir du {date})',
  'coh.note.notBound.APPLIES_BY':
    '{agreement} (appliqué seulement à partir d’un jour postérieur, au plus tard le {date} : son jour propre n’est pas enregistré)',
  'coh.note.notBound.NOT_APPLIED': '{agreement} (aucune date d’application enregistrée)',
  'coh.note.notBound.TERMINATED': '{agreement} (terminé le {date})',
  'coh.note.notBound.WITHDRAWN': '{agreement} (dénoncé le {date})',
  'coh.note.notBound.LEFT_BLOC': '{agreement} (ne liant plus par {blocCode} à partir du {date})',
  'coh.note.leftOutUndated':
    '{count, plural, one {# accord} other {# accords}} {party_of} {count, plural, one {est laissé} other {sont laissés}} de côté car {party_the} {party_n, plural, one {{count, plural, one {l’a rejoint} other {les a rejoints}}} other {{count, plural, one {l’ont rejoint} other {les ont rejoints}}}} à une date non enregistrée (la page de l’accord nomme la source ; pour un membre d’un bloc entré dans celui-ci après la signature du bloc, aucune source ici ne donne sa propre adhésion, par laquelle le lie un accord mixte, ou un accord qui n’est pas enregistré comme conclu par le bloc seul) : on ne sait pas s’{count, plural, one {il liait} other {ils liaient}} {party_the} à cette date : {names}.',
  'coh.note.leftOutUndatedOther':
    '{count, plural, one {# autre accord} other {# autres accords}} {party_of} {count, plural, one {est aussi laissé} other {sont aussi laissés}} de côté car {party_the} {party_n, plural, one {{count, plural, one {l’a rejoint} other {les a rejoints}}} other {{count, plural, one {l’ont rejoint} other {les ont rejoints}}}} à une date non enregistrée (la page de l’accord nomme la source ; pour un membre d’un bloc entré dans celui-ci après la signature du bloc, aucune source ici ne donne sa propre adhésion, par laquelle le lie un accord mixte, ou un accord qui n’est pas enregistré comme conclu par le bloc seul) : on ne sait pas s’{count, plural, one {il liait} other {ils liaient}} {party_the} à cette date : {names}.',
  'coh.note.leftOutLeft':
    '{count, plural, one {# accord} other {# accords}} {party_of} {count, plural, one {est laissé} other {sont laissés}} de côté car {party_the} {party_n, plural, one {{count, plural, one {l’a dénoncé} other {les a dénoncés}}} other {{count, plural, one {l’ont dénoncé} other {les ont dénoncés}}}} à une date non enregistrée (la page de l’accord nomme la source) : on ne sait pas s’{count, plural, one {il liait} other {ils liaient}} encore {party_the} à cette date : {names}.',
  'coh.note.leftOutLeftOther':
    '{count, plural, one {# autre accord} other {# autres accords}} {party_of} {count, plural, one {est aussi laissé} other {sont aussi laissés}} de côté car {party_the} {party_n, plural, one {{count, plural, one {l’a dénoncé} other {les a dénoncés}}} other {{count, plural, one {l’ont dénoncé} other {les ont dénoncés}}}} à une date non enregistrée (la page de l’accord nomme la source) : on ne sait pas s’{count, plural, one {il liait} other {ils liaient}} encore {party_the} à cette date : {names}.',
  'coh.note.leftOutEnded':
    '{count, plural, one {# accord} other {# accords}} {party_of} {count, plural, one {a pris fin} other {ont pris fin}} à une date qu’aucune source ne donne (enregistré comme terminé, sans date de fin) et {count, plural, one {est laissé} other {sont laissés}} de côté : on ne sait pas {count, plural, one {s’il liait} other {s’ils liaient}} {party_the} à cette date : {names}.',
  'coh.note.leftOutStarted':
    '{count, plural, one {# accord} other {# accords}} {party_of} {count, plural, one {a commencé} other {ont commencé}} à s’appliquer à une date qu’aucune source ne donne (enregistré comme appliqué, sans date d’entrée en vigueur ni d’application provisoire) et {count, plural, one {est laissé} other {sont laissés}} de côté : on ne sait pas {count, plural, one {s’il liait} other {s’ils liaient}} {party_the} à cette date : {names}.',
  'coh.note.leftOutSuspended':
    '{count, plural, one {# accord} other {# accords}} {party_of} {count, plural, one {est laissé} other {sont laissés}} de côté car les droits et obligations {party_of} au titre de {count, plural, one {cet accord} other {ces accords}} sont suspendus à cette date (toujours partie, non liée tant que dure la suspension ; la page de l’accord nomme la source) : {names}.',
  'coh.note.suspendedItem': '{agreement} (suspension depuis le {date})',
  'coh.note.atLatest':
    '{count, plural, one {Pour # accord} other {Pour # accords}}, la date donnée pour {party_the} est une borne sur laquelle les sources s’accordent, non son jour propre, qu’aucune ne donne : {count, plural, one {il était} other {ils étaient}} en vigueur pour {party_the} au plus tard à cette date, et {count, plural, one {est compté} other {sont comptés}} depuis celle-ci : {names}.',
  'coh.note.atLatestItem': '{agreement} (le {date} au plus tard)',
  'coh.note.leftOutInForceBy':
    '{count, plural, one {# accord} other {# accords}} {party_of} {count, plural, one {est laissé} other {sont laissés}} de côté, faute de savoir {count, plural, one {s’il liait} other {s’ils liaient}} {party_the} à cette date : en vigueur pour {party_the} au plus tard à un jour postérieur que donnent les sources, son jour propre non enregistré : {names}.',
  'coh.note.leftOutInForceByOther':
    '{count, plural, one {# autre accord} other {# autres accords}} {party_of} {count, plural, one {est aussi laissé} other {sont aussi laissés}} de côté, faute de savoir {count, plural, one {s’il liait} other {s’ils liaient}} {party_the} à cette date : en vigueur pour {party_the} au plus tard à un jour postérieur que donnent les sources, son jour propre non enregistré : {names}.',
  'note.suspended':
    'Ne sont pas comptées parmi les parties qu’un accord lie, car leurs droits et obligations à son titre sont suspendus au {date} (toujours parties, non liées tant que dure la suspension ; la page de l’accord nomme la source) : {names}.',
  'note.suspendedItem': '{party} ({code}) dans {agreement}, suspension depuis le {since}',
  'cmp.row.suspended': 'Parties suspendues (non liées)',
  'cmp.suspendedSince': '{code} (depuis le {date})',
  'cmp.note.atLatest':
    '{count, plural, one {Pour # partie} other {Pour # parties}}, la date à partir de laquelle un accord {count, plural, one {la lie} other {les lie}} est une borne sur laquelle les sources s’accordent, non {count, plural, one {son} other {leur}} jour propre, qu’aucune ne donne : il était en vigueur pour {count, plural, one {elle} other {elles}} au plus tard à cette date : {names}.',
  'cmp.note.atLatestItem': '{party} ({code}) dans {agreement} (le {date} au plus tard)',
  'coh.note.partnersSuspended':
    'Les parties dont les droits et obligations au titre d’un accord sont suspendus au {date} ne sont pas comptées parmi ses partenaires : {names}.',
  'coh.note.viaBloc':
    '{count, plural, one {# accord lie} other {# accords lient}} {party_the} par l’intermédiaire de {blocs}, à partir de la plus tardive des dates d’application de l’accord et d’adhésion au bloc (pour un accord que le bloc a signé avant {party_n, plural, one {son adhésion : à partir de son adhésion au bloc si le bloc l’a conclu seul, sinon à partir de sa propre adhésion} other {leur adhésion : à partir de leur adhésion au bloc si le bloc l’a conclu seul, sinon à partir de leur propre adhésion}} à l’accord), jusqu’à {party_n, plural, one {son} other {leur}} départ (après toute période de transition). Les autres membres du bloc ne sont jamais comptés comme partenaires.',
  'coh.note.pending':
    '{count, plural, one {# accord} other {# accords}} sur {total} {count, plural, one {a} other {ont}} des annotations proposées (par les règles d’annotation ou un annotateur) qu’aucun relecteur n’a encore confirmées : là où elles changeraient un résultat, celui-ci est EN ATTENTE DE RELECTURE, jamais NON SATISFAITE.',
  'coh.note.partial':
    'Le catalogue ne détient que des dispositions choisies (ou aucune) de {count, plural, one {# accord} other {# accords}} : {names}. Une absence ne peut pas y être jugée : ces règles y sont INDÉTERMINÉES.',
  'coh.note.inferred':
    '{count, plural, one {# accord est enregistré} other {# accords sont enregistrés}} comme en vigueur sans date d’entrée en vigueur (comptés comme liants depuis la signature) : {names}.',
  'coh.note.firstDates':
    '{count, plural, one {Pour # accord} other {Pour # accords}} entre trois parties ou plus, la date propre {party_of} n’est pas enregistrée : la date d’application donnée est la première de l’accord (sa première entrée en vigueur ou application provisoire, peut-être pour d’autres parties seulement), et {count, plural, one {l’accord lie} other {ces accords lient}} {party_the} depuis lors ou plus tard ; {count, plural, one {il est compté} other {ils sont comptés}} depuis cette date, bien qu’{count, plural, one {il ne s’applique} other {ils ne s’appliquent}} peut-être à son égard que depuis une date plus tardive : {names}.',
  'coh.note.notParty':
    '{party_The} {party_n, plural, one {n’est pas Partie} other {ne sont pas Parties}} à la Convention : les règles sur ce qu’attend la Convention ne s’appliquent pas.',
  'coh.note.notPartyUntil':
    '{party_The} {party_n, plural, one {n’est pas Partie} other {ne sont pas Parties}} à la Convention pour autant que les sources le disent ({until} ; aucune plus récente) : les règles sur ce qu’attend la Convention ne s’appliquent pas.',
  'coh.note.statusUnknown':
    'Le statut {party_of} au regard de la Convention n’est pas enregistré dans le catalogue : les règles sur ce qu’attend la Convention ne peuvent pas trancher.',
  'coh.note.scope':
    'Les annotations qui nomment les parties couvertes par une disposition (une réserve pour une seule partie) ne comptent que pour ces parties. Les annexes, listes et lettres d’accompagnement que le catalogue ne détient pas peuvent contenir des preuves que le rapport ne voit pas ; chaque constat indique ce que le dossier contient.',
  'coh.title':
    'Cohérence des accords commerciaux {party_of} avec la Convention sur la protection et la promotion de la diversité des expressions culturelles (2005)',
  'coh.subtitle':
    '{count, plural, one {# accord appliqué} other {# accords appliqués}} au {date} ; constats : {findings}',
  'coh.severityCount': '{count} {severity}',
  'coh.param.party': 'Partie',
  'coh.param.asOf': 'Date',
  'coh.param.counted': 'Annotations comptées',
  'coh.param.countedAll': 'ACCEPTÉES et PROPOSÉES',
  'coh.param.countedAccepted': 'ACCEPTÉES seulement',
  'coh.param.inForce': 'Entrée en vigueur de la Convention pour la partie',
  'coh.param.inForceUnknown': 'inconnue (statut {status})',
  'coh.param.inForceBy':
    'jour non enregistré ; instrument déposé en {year}, donc en vigueur au plus tard le {date} (les accords signés avant ne sont pas évalués)',
  'coh.param.notPartyOn': 'non : pas Partie au {date}',
  'coh.param.notPartyUntil':
    'non : pas Partie pour autant que les sources le disent ({until} ; aucune plus récente)',
  'coh.param.developing': 'Pays en développement',
  'coh.scores.title': 'Résultats par paragraphe des Directives opérationnelles',
  'coh.scores.description':
    'Pour chaque paragraphe des Directives opérationnelles sur la mise en œuvre de la Convention dans l’environnement numérique, la part des accords que ses règles ont pu évaluer qui y satisfont.',
  'coh.scores.chart': 'Accords auxquels chaque paragraphe s’applique, par résultat',
  'coh.scores.chartDescription':
    'Graphique à barres empilées : les accords auxquels chaque paragraphe s’applique, par résultat (y satisfont, non évalués, n’y satisfont pas, en attente de relecture), {count, plural, one {# paragraphe} other {# paragraphes}} ; les chiffres sont dans le tableau.',
  'coh.scores.agreements': 'Accords',
  'coh.scores.notAssessed': 'Non évalués',
  'coh.scores.notMet': 'N’y satisfont pas',
  'coh.scores.pending': 'En attente de relecture',
  'coh.scores.share': 'Part satisfaisant au paragraphe',
  'coh.scores.meets': 'Satisfont',
  'coh.col.paragraph': 'Paragraphe',
  'coh.col.asks': 'Ce qu’il demande',
  'coh.col.assessed': 'Accords évalués',
  'coh.col.met': 'Accords qui y satisfont',
  'coh.col.share': 'Part des accords évalués qui y satisfont',
  'coh.col.pending': 'Accords en attente de relecture (hors de la part)',
  'coh.col.notAssessed': 'Accords non évalués : la fiche ne permet pas d’en juger (hors de la part)',
  'coh.col.rules': 'Règles',
  'coh.findings.title': 'Constats',
  'coh.findings.description':
    'Chaque constat dit ce qui a été trouvé (résultat NON SATISFAITE), ce qui attend une relecture (EN ATTENTE DE RELECTURE : preuve proposée, par les règles d’annotation ou un annotateur, qu’aucun relecteur n’a encore confirmée) ou ce qui ne peut être jugé (INDÉTERMINÉE : le dossier est trop incomplet, ou une donnée manque) ; pourquoi c’est important au regard des Directives opérationnelles ; et ce que le ministère pourrait vérifier. Le tableau des preuves ci-dessous donne le lien de chaque disposition.',
  'coh.col.outcome': 'Résultat',
  'coh.col.severity': 'Gravité',
  'coh.col.agreement': 'Accord',
  'coh.col.signed': 'Signature',
  'coh.col.found': 'Constat',
  'coh.col.why': 'Pourquoi c’est important',
  'coh.col.check': 'Que vérifier',
  'coh.col.record': 'Ce que détient le catalogue',
  'coh.col.evidence': 'Preuve',
  'coh.col.rule': 'Règle',
  'coh.allAgreements': '{party} (tous les accords)',
  'coh.absence': 'absence',
  'coh.evidence.title': 'Preuves',
  'coh.evidence.description':
    'Les dispositions que cite chaque constat, avec l’annotation qui en fait une preuve et l’état de sa relecture aujourd’hui : le rapport compte ce qui est relu quand il est établi, quelle que soit sa date.',
  'coh.col.finding': 'Constat n°',
  'coh.col.provision': 'Disposition',
  'coh.col.pinpoint': 'Référence',
  'coh.col.code': 'Code',
  'coh.col.binding': 'Force contraignante',
  'coh.col.reviewToday': 'État de la relecture aujourd’hui',
  'coh.col.detail': 'Précision',
  'coh.col.note': 'Motif de la citation',
  'coh.cell.notMet': 'non satisfait',
  'coh.cell.notMetProposed': 'non satisfait, sur des propositions en attente de relecture',
  'coh.cell.pending': 'en attente de relecture',
  'coh.cell.legacy': 'antérieur (avant la Convention)',
  'coh.cell.unknown': 'indéterminé',
  'coh.cell.meets': 'satisfait',
  'coh.cell.meetsProposed': 'satisfait, sur des propositions en attente de relecture',
  'coh.cell.na': 'sans objet',
  'coh.agreements.title': 'Accords évalués',
  'coh.agreements.description':
    'Chaque accord de la partie appliqué à la date du rapport, avec le résultat par paragraphe (en attente de relecture : une preuve proposée attend un relecteur ; antérieur : signé avant la Convention, un élément de contexte et non un manquement ; sans objet : les règles ne s’appliquent pas ; indéterminé : le dossier ou une donnée manque) et ce que le catalogue en détient.',
  'coh.col.applied': 'Appliqué à la partie depuis',
  'coh.col.firstDates': 'Date : la première de l’accord (celle de la partie non enregistrée)',
  'coh.col.atLatest':
    'Date : une borne, en vigueur au plus tard à cette date (jour propre de la partie non enregistré)',
  'coh.col.inferred': 'Date : la signature (aucune date d’entrée en vigueur enregistrée)',
  'coh.col.via': 'Par',
  'coh.col.role': 'Rôle de la partie',
  'coh.cell.original': 'partie originelle',
  'coh.cell.acceded': 'adhésion après la signature',
  'coh.col.partners': 'Partenaires',
  'coh.col.accepted': 'Annotations relues',
  'coh.col.proposed': 'Propositions en attente de relecture',
  'coh.col.recordShort': 'Dossier',
  'coh.trend.title': 'Évolution par année de signature',
  'coh.trend.description':
    'Part des accords évalués signés chaque année qui satisfont à chaque paragraphe (les années sans accord évalué sont omises).',
  'coh.trend.chartDescription':
    'Graphique linéaire : part des accords évalués satisfaisant à chaque paragraphe par année de signature, {count, plural, one {# série} other {# séries}} ; les chiffres sont dans le tableau.',
  'coh.col.year': 'Année',
  'coh.col.yearSigned': 'Année de signature',
  'coh.col.paragraphShare': '§{paragraph} : part qui y satisfait',
  'coh.trend.cell': '{share} ({met} sur {assessed})',
  'coh.rules.title': 'Règles',
  'coh.rules.description':
    'Les règles derrière les constats (docs/coherence-rules.md, dans le projet, explique chacune). Chacune aboutit, pour chaque accord, à SATISFAITE (preuve relue), EN ATTENTE DE RELECTURE (preuve seulement proposée), NON SATISFAITE (aucune preuve dans un dossier assez complet pour juger), INDÉTERMINÉE (le dossier ou une donnée manque) ou SANS OBJET. Les règles sur ce qu’attend la Convention s’appliquent aux accords signés après son adoption ({adopted}) et son entrée en vigueur pour la partie ; les plus anciens sont un élément de contexte. ÉLEVÉE demande un engagement opérationnel comme preuve ; un titre de chapitre ou une clause non contraignante donne au plus FAIBLE.',
  'coh.col.ruleTitle': 'Constat',
  'coh.col.checks': 'Ce qu’elle vérifie',
  'coh.col.scored': 'Notée',
  'trends.by.YEAR': 'année de signature',
  'trends.by.REGION': 'région',
  'trends.by.AGREEMENT_TYPE': 'type d’accord',
  'trends.by.PARTY': 'partie',
  'trends.groupLabel.YEAR': 'Année de signature',
  'trends.groupLabel.REGION': 'Région',
  'trends.groupLabel.AGREEMENT_TYPE': 'Type d’accord',
  'trends.groupLabel.PARTY': 'Partie',
  'trends.unknownGroup.YEAR': 'Année inconnue',
  'trends.unknownGroup.REGION': 'Région inconnue',
  'trends.unknownGroup.AGREEMENT_TYPE': 'Aucun type enregistré',
  'trends.unknownGroup.PARTY': 'Aucune partie enregistrée',
  'trends.unboundGroup': 'Ne liant aucune partie (seulement signé, ou aucune partie enregistrée)',
  'trends.title': 'Tendances par {by}, {range}',
  'trends.noAgreement': 'aucun accord',
  'trends.range.from': 'à partir de {from}',
  'trends.range.to': 'jusqu’en {to}',
  'trends.empty.from':
    'Aucun accord du catalogue n’a été signé en {from} ou après : le dernier l’a été en {last}.',
  'trends.empty.to':
    'Aucun accord du catalogue n’a été signé en {to} ou avant : le premier l’a été en {first}.',
  'trends.empty.between':
    'Aucun accord du catalogue n’a été signé de {from} à {to} : ses accords l’ont été de {first} à {last}.',
  'trends.empty.none': 'Le catalogue ne contient aucun accord dont la date de signature est connue.',
  'trends.subtitle':
    '{count, plural, one {# accord signé} other {# accords signés}} {range}, {groups, plural, one {# groupe} other {# groupes}}',
  'trends.param.groupBy': 'Regroupement',
  'trends.param.from': 'Du',
  'trends.param.to': 'Au',
  'trends.param.firstSignature': 'première signature',
  'trends.param.lastSignature': 'dernière signature',
  'trends.param.clauses': 'Clauses',
  'trends.param.counted': 'Preuves comptées',
  'trends.counted.proposed': 'annotations acceptées et proposées',
  'trends.counted.accepted': 'annotations acceptées (les proposées montrées à part, en attente de relecture)',
  'trends.share.pending': '{count, plural, one {# proposée} other {# proposées}}, en attente de relecture',
  'trends.share.accepted': '{share} ({accepted, plural, one {# acceptée} other {# acceptées}})',
  'trends.share.both':
    '{share} ({accepted, plural, one {# acceptée} other {# acceptées}} + {proposed, plural, one {# proposée} other {# proposées}})',
  'trends.yLabel': 'Part des accords',
  'trends.shares.title': 'Part des accords avec une preuve acceptée de chaque clause',
  'trends.shares.sheet': 'Parts (acceptées)',
  'trends.shares.description':
    'Part des accords signés chaque année qui ont au moins une disposition dont l’annotation a été acceptée par un relecteur.',
  'trends.sharesProposed.title': 'Part des accords avec une preuve acceptée ou proposée de chaque clause',
  'trends.sharesProposed.sheet': 'Parts (avec les proposées)',
  'trends.sharesProposed.description':
    'La même part en comptant aussi les annotations proposées (par les règles d’annotation ou un annotateur) que personne n’a encore relues : l’écart entre les deux graphiques est ce qui attend une relecture.',
  'trends.line.chartDescription':
    'Graphique linéaire : part des accords par année de signature, {count, plural, one {# série} other {# séries}} ; les chiffres sont dans le tableau.',
  'trends.line.gaps':
    'Une ligne s’interrompt aux années où aucun accord n’a été signé : il n’y a pas de part à y tracer.',
  'trends.volume.title': 'Accords signés par année',
  'trends.volume.yLabel': 'Accords',
  'trends.volume.series': 'Accords signés',
  'trends.volume.chartDescription':
    'Graphique linéaire : accords signés par année, {count, plural, one {# année} other {# années}} ; les chiffres sont dans le tableau.',
  'trends.heatmap.title': 'Part des accords avec chaque clause',
  'trends.heatmap.largest': 'Les {shown} plus grands des {total} groupes ; les tableaux les donnent tous.',
  'trends.heatmap.proposed': 'Les parts comptent les preuves acceptées et proposées.',
  'trends.heatmap.accepted':
    'Les parts comptent les preuves acceptées ; « +n » : n accords de plus n’ont qu’une preuve proposée, en attente de relecture ; les cases hachurées entre parenthèses n’ont qu’une preuve proposée.',
  'trends.heatmap.legendProposed': 'Part des accords (preuve acceptée ou proposée)',
  'trends.heatmap.legendAccepted': 'Part des accords (preuve acceptée)',
  'trends.heatmap.pending': 'seulement proposée, en attente de relecture',
  'trends.heatmap.noData': 'aucune donnée',
  'trends.heatmap.chartDescription':
    'Carte de chaleur : part des accords par groupe et par clause, {count, plural, one {# groupe} other {# groupes}}, plus foncé pour plus ; les chiffres sont dans le tableau.',
  'trends.groups.title': 'Par {by}',
  'trends.groups.proposed':
    'Part des accords de chaque groupe qui ont la clause, acceptée ou proposée, et combien de chaque.',
  'trends.groups.accepted':
    'Part des accords de chaque groupe qui ont la clause dans une annotation acceptée, et combien de plus ne l’ont que dans des annotations proposées (en attente de relecture).',
  'trends.col.agreements': 'Accords du groupe',
  'trends.col.partial': 'Accords aux dossiers partiels',
  'trends.counts.title': 'Décomptes',
  'trends.counts.description':
    'Une ligne par groupe et par clause : accords avec une preuve acceptée, accords avec seulement une preuve proposée (en attente de relecture), et les parts avec et sans les propositions.',
  'trends.col.key': 'Clé du groupe',
  'trends.col.clause': 'Clause',
  'trends.col.code': 'Code',
  'trends.col.accepted': 'Accords avec une preuve acceptée',
  'trends.col.proposed': 'Accords avec seulement une preuve proposée',
  'trends.col.proposedOf': '{clause} : accords avec seulement une preuve proposée',
  'trends.col.acceptedShare': 'Part des accords avec une preuve acceptée',
  'trends.col.shareWithProposed': 'Part des accords avec une preuve acceptée ou proposée',
  'trends.col.shareOf': '{clause} : part des accords avec une preuve acceptée',
  'trends.col.shareOfProposed': '{clause} : part des accords avec une preuve acceptée ou proposée',
  'trends.note.agreements':
    'Compte des accords, pas des dispositions : un accord a un code lorsqu’au moins une de ses dispositions le porte. Les accords sans date de signature enregistrée sont omis.',
  'trends.note.parties':
    'Les parties sont celles que lie un accord : un bloc comme l’Union européenne et, par lui, chacun de ses États membres ; les territoires dépendants ne sont pas des parties.',
  'trends.note.scope':
    'Une clause qui nomme les parties qu’elle couvre (une exemption pour une seule partie) ne compte que dans les groupes de ces parties.',
  'trends.note.throughBlocs':
    'Un accord d’un bloc compte dans la région de chacun de ses États membres : {parts}.',
  'trends.note.throughBlocsPart':
    '{group} compte {count} de ses {total, plural, one {# accord} other {# accords}} seulement par des États membres d’un bloc ({names})',
  'trends.note.through': '{party} par {bloc}',
  'trends.note.partial':
    '{count, plural, one {# des {total} accords ne détient} other {# des {total} accords ne détiennent}} que des dispositions choisies ou aucun texte ({names}) : une clause absente d’un tel dossier n’est pas réputée absente, donc une part calculée sur eux est un minimum (« Accords aux dossiers partiels » dans les tableaux).',
  'trends.note.partialGroup': '{group} : {count} sur {total}',
  'trends.note.overlap':
    'Un accord compte une fois dans chaque groupe auquel il appartient : la somme des groupes dépasse le total.',
  'evidence.both':
    '{accepted, plural, one {# acceptée} other {# acceptées}} + {proposed, plural, one {# proposée} other {# proposées}}',
  'evidence.proposed':
    '{proposed, plural, one {# proposée, en attente de relecture} other {# proposées, en attente de relecture}}',
  'evidence.accepted': '{accepted, plural, one {# acceptée} other {# acceptées}}',
  'status.ACCEPTED': 'acceptée',
  'status.PROPOSED': 'proposée, en attente de relecture',
  'status.REJECTED': 'rejetée',
  'force.BINDING': 'contraignante',
  'force.BEST_ENDEAVOUR': 'meilleurs efforts',
  'force.DECLARATORY': 'déclaratoire',
  'force.unknown': 'force inconnue',
  'forceShort.BINDING': 'C',
  'forceShort.BEST_ENDEAVOUR': 'ME',
  'forceShort.DECLARATORY': 'D',
  'mechanism.ARTIST_MOBILITY': 'mobilité des artistes',
  'mechanism.CO_PRODUCTION': 'coproduction',
  'mechanism.MARKET_ACCESS': 'accès au marché',
  'mechanism.TECHNICAL_ASSISTANCE': 'assistance technique',
  'mechanism.OTHER': 'autre',
  'detail.DATA_FLOWS': 'flux transfrontières de données',
  'detail.DATA_LOCALISATION': 'localisation des données',
  'detail.PERSONAL_DATA': 'protection des données personnelles',
  'detail.CONSUMER_PROTECTION': 'protection des consommateurs',
  'detail.AUTHENTICATION': 'authentification électronique',
  'detail.PAPERLESS_TRADE': 'commerce sans papier',
  'detail.SPAM': 'messages commerciaux non sollicités',
  'detail.COOPERATION': 'coopération',
  'detail.DEFINITIONS_SCOPE': 'définitions et champ d’application',
  'detail.GUIDELINES': 'Directives opérationnelles',
  'agreementStatus.UNDER_NEGOTIATION': 'en négociation',
  'agreementStatus.SIGNED': 'signé',
  'agreementStatus.PROVISIONALLY_APPLIED': 'appliqué à titre provisoire',
  'agreementStatus.IN_FORCE': 'en vigueur',
  'agreementStatus.TERMINATED': 'terminé',
  'col.agreement': 'Accord',
  'col.clause': 'Clause',
  'col.provision': 'Disposition',
  'col.provisions': 'Dispositions',
  'col.pinpoint': 'Référence',
  'col.binding': 'Force contraignante',
  'col.review': 'Relecture',
  'col.detail': 'Précision',
  'col.code': 'Code',
  'col.signed': 'Signature',
  'cmp.title': 'Comparaison de {count, plural, one {# accord} other {# accords}}',
  'cmp.param.agreements': 'Accords',
  'cmp.param.codes': 'Codes',
  'cmp.matrix.title': 'Matrice',
  'cmp.matrix.proposed':
    'Des lignes de métadonnées, puis une ligne par code : la force contraignante la plus forte parmi les dispositions qui portent le code, et leurs clés (liées à la première) ; une cellule dit combien sont acceptées et combien proposées.',
  'cmp.matrix.accepted':
    'Des lignes de métadonnées, puis une ligne par code : la force contraignante la plus forte parmi les dispositions dont une annotation acceptée porte le code, et leurs clés (liées à la première) ; les dispositions qui n’ont qu’une annotation proposée suivent, « proposées, en attente de relecture ». Une cellule qui n’a que des propositions est hachurée.',
  'cmp.col.row': 'Ligne',
  'cmp.row.slug': 'Identifiant',
  'cmp.row.inForce': 'Entrée en vigueur',
  'cmp.row.applied': 'Appliqué depuis le',
  'cmp.row.status': 'Statut',
  'cmp.row.parties': 'Parties',
  'cmp.row.via': 'États membres liés par l’intermédiaire d’un bloc',
  'cmp.row.developing': 'Parties en développement',
  'cmp.row.signatoriesOnly': 'Signataires seulement, jamais liés',
  'cmp.row.record': 'Texte détenu',
  'cmp.via.bloc': '{member} (bloc : {code})',
  'cmp.via.from': '{code} à partir du {date}',
  'cmp.via.fromBy': '{code} à partir du {date} au plus tard',
  'cmp.via.fromByTo': '{code} du {from} au plus tard au {to}',
  'cmp.via.to': '{code} jusqu’au {date}',
  'cmp.via.fromTo': '{code} du {from} au {to}',
  'cmp.via.unknown': '{code} à partir d’une date inconnue',
  'cmp.via.unknownTo': '{code} d’une date inconnue au {to}',
  'cmp.cell': '{force} : {keys}',
  'cmp.cell.scope': '(seulement {parties})',
  'cmp.cell.waiting': '{evidence} : {keys}',
  'cmp.cell.pending': '{evidence} : {keys} ({force})',
  'cmp.heatmap.title': 'Carte de chaleur',
  'cmp.heatmap.description':
    'Force contraignante la plus forte par code parmi les dispositions comptées comme éléments de preuve : C contraignante, ME meilleurs efforts, D déclaratoire, vide aucune.',
  'cmp.heatmap.pendingCells':
    'Cellules hachurées entre parenthèses, comme (C) : éléments proposés seulement, en attente de relecture ; « + » après une lettre : d’autres dispositions proposées.',
  'cmp.heatmap.rowLabel': 'Code',
  'cmp.heatmap.none': 'aucune',
  'cmp.heatmap.legend': 'Force (0 aucune, 1 déclaratoire, 2 meilleurs efforts, 3 contraignante)',
  'cmp.heatmap.column':
    '{agreement} : force (0 aucune, 1 déclaratoire, 2 meilleurs efforts, 3 contraignante)',
  'cmp.heatmap.chartDescription':
    'Carte de chaleur : force contraignante la plus forte par code et par accord, {count, plural, one {# code} other {# codes}}, plus foncée pour plus forte ; les valeurs sont dans le tableau.',
  'cmp.provisions.title': 'Dispositions',
  'cmp.provisions.description': 'Chaque disposition portant un code de la matrice, acceptée ou proposée.',
  'cmp.note.cell':
    'Une cellule donne la force contraignante la plus forte parmi les dispositions comptées comme éléments de preuve, et liste chaque disposition qui porte le code, acceptée ou proposée.',
  'cmp.note.empty':
    'Une cellule vide signifie aucune annotation, ni acceptée ni proposée : l’accord peut tout de même avoir une disposition que les annotateurs n’ont pas codée, ou des textes (annexes, listes d’engagements) que le catalogue ne détient pas.',
  'cmp.note.statusOf2017':
    'Le statut {count, plural, one {d’un accord} other {de # accords}} ({names}) est celui importé de ToTA (la liste de l’OMC telle que ToTA l’a copiée en 2017, ou la liste plus récente de DESTA là où celle-ci disait l’accord seulement signé), non revérifié depuis : un accord qui a pris fin après se lit encore comme en vigueur, sauf si le catalogue enregistre sa fin (sa page nomme la source de son statut).',
  'cmp.note.partial':
    'Le catalogue ne détient que des dispositions choisies (ou aucune) {count, plural, one {d’un accord} other {de # accords}} : {names}. Une cellule vide y est muette sur les dispositions non détenues (la ligne « Texte détenu » dit ce qui l’est).',
  'cmp.note.parties':
    'Les parties sont celles que l’accord lie : un bloc comme l’Union européenne en tant que tel, ses États membres « par l’intermédiaire » du bloc (jamais comme partenaires distincts) ; les territoires dépendants ne sont pas parties.',
  'cmp.note.signatoriesOnly':
    'Une partie qui a signé un accord sans être liée par lui à aucune date (l’accord n’est jamais entré en vigueur, comme le PTP, ou la partie ne l’a jamais appliqué, comme Haïti l’APE UE-CARIFORUM) n’est pas une partie qu’il lie : elle est indiquée à part, comme signataire seulement, jamais liée.',
  'flows.title': 'Traitement préférentiel pour la culture : qui accorde quoi à qui',
  'flows.subtitle':
    '{flows, plural, one {# flux} other {# flux}}, {pairs, plural, one {# paire accordant–bénéficiaire} other {# paires accordant–bénéficiaire}}, {provisions, plural, one {# disposition} other {# dispositions}}',
  'flows.subtitlePending':
    '{flows, plural, one {# flux} other {# flux}} (dont {pending} en attente de relecture), {pairs, plural, one {# paire accordant–bénéficiaire} other {# paires accordant–bénéficiaire}}, {provisions, plural, one {# disposition} other {# dispositions}}',
  'flows.param.grantors': 'Parties qui accordent',
  'flows.param.beneficiaries': 'Bénéficiaires',
  'flows.param.mechanisms': 'Mécanismes',
  'flows.param.agreements': 'Accords',
  'flows.param.signedFrom': 'Signés à partir du',
  'flows.param.signedTo': 'Signés jusqu’au',
  'flows.pair': '{grantor} → {beneficiary}',
  'flows.pairs.title': 'Partie qui accorde → bénéficiaire',
  'flows.pairs.column': '{mechanism} : dispositions',
  'flows.pairs.largest':
    'Dispositions par paire et par mécanisme : les {shown} plus grandes paires sur {total}.',
  'flows.pairs.all': 'Dispositions par paire et par mécanisme.',
  'flows.pairs.pendingSeries':
    'Les dispositions qui n’ont que des annotations proposées forment une série à part.',
  'flows.pairs.chartDescription':
    'Diagramme en barres empilées : dispositions par paire partie qui accorde → bénéficiaire et par mécanisme, {count, plural, one {# paire} other {# paires}} ; les valeurs sont dans le tableau.',
  'flows.flows.title': 'Flux',
  'flows.col.grantor': 'Partie qui accorde',
  'flows.col.beneficiary': 'Bénéficiaire',
  'flows.col.mechanism': 'Mécanisme',
  'flows.col.mechanisms': 'Mécanismes',
  'flows.col.accepted': 'Éléments acceptés (dispositions)',
  'flows.col.proposed': 'Éléments proposés (dispositions)',
  'flows.col.proposedWaiting': 'Éléments proposés, en attente de relecture (dispositions)',
  'flows.col.pending': 'Éléments proposés seulement (en attente de relecture)',
  'flows.col.mutual': 'Réciproque',
  'flows.col.grantors': 'Parties qui accordent',
  'flows.col.beneficiaries': 'Bénéficiaires',
  'flows.provisions.title': 'Dispositions',
  'flows.note.pending':
    'Un flux dont les seuls éléments sont proposés est présenté comme en attente : les règles d’annotation l’ont trouvé et une personne doit encore le confirmer.',
  'flows.note.who':
    'Les parties qui accordent sont les partenaires développés d’un accord (l’Union européenne en tant que bloc), les bénéficiaires ses partenaires en développement (selon la taxonomie : hors revenu élevé de la Banque mondiale, ou pays les moins avancés ou petits États insulaires en développement), classés d’après {basis} quelle que soit l’année de l’accord : la catégorie de revenu d’un partenaire à la signature de l’accord a pu être différente. Quand aucun partenaire n’est développé, les partenaires en développement s’accordent ce traitement mutuellement (réciproque). Dans un accord d’un bloc (l’Union européenne et ses États membres d’une part), les partenaires autres que le bloc sont ensemble de l’autre côté et ne s’accordent rien entre eux à ce titre.',
  'flows.note.partners':
    'Les partenaires sont les parties qu’un accord lie en leur nom propre : les États membres d’un bloc sont liés par l’intermédiaire du bloc et ne sont jamais partenaires de ses accords, ni leurs bénéficiaires ; les territoires dépendants ne sont pas parties. Une disposition qui nomme les parties qu’elle couvre ne donne un flux que là où elle couvre la partie qui accorde ou le bénéficiaire.',
  'flows.note.unknown':
    '{count, plural, one {# partie dont le statut de pays en développement est inconnu n’est} other {# parties dont le statut de pays en développement est inconnu ne sont}} ni partie qui accorde ni bénéficiaire.',
  'file.kind': 'Rapport Clause Tracker : {kind}',
  'file.generated': 'Produit le',
  'file.footer': '{title}. Produit le {date} par Clause Tracker.',
  'file.parameters': 'Paramètres',
  'file.notes': 'Notes',
  'file.sections': 'Sections',
  'file.chart': '{title} : graphique',
  'file.table': '{title} : tableau',
  'file.data': '{title} : données',
  'file.chartData': 'Données du graphique',
  // French puts a space before a colon (a no-break one: it never begins a line).
  'file.chartDataIntro': 'Données du graphique\u00a0:',
  'file.parameterLine': '{name}\u00a0: {value}',
  'file.nothing': 'Rien à montrer.',
  'file.noRows': '{title} : aucune ligne.',
  'file.generatedOn': 'Produit le {date}.',
  'file.sectionCsv': 'Section {id}, en CSV :',
  'file.noRowsShort': 'Aucune ligne.',
  'file.linkColumn': '{label} (lien)',
  'file.about': 'À propos',
  'file.report': 'Rapport',
  'file.subtitle': 'Objet',
  'file.sheets': 'Feuilles',
  'file.aboutItem': 'Élément',
  'file.aboutText': 'Texte',
  'filename.coherence': 'coherence',
  'filename.trends': 'tendances',
  'filename.comparison': 'comparaison',
  'filename.flows': 'flux',
  'filename.year': 'annee',
  'filename.region': 'region',
  'filename.agreementType': 'type-accord',
  'filename.party': 'partie',
  'filename.scores': 'scores',
  'filename.findings': 'constats',
  'filename.evidence': 'preuves',
  'filename.agreements': 'accords',
  'filename.trend': 'tendance',
  'filename.rules': 'regles',
  'filename.matrix': 'matrice',
  'filename.heatmap': 'carte-de-chaleur',
  'filename.provisions': 'dispositions',
  'filename.pairs': 'paires',
  'filename.volume': 'volume',
  'filename.shares': 'parts',
  'filename.groups': 'groupes',
  'keyword.protocol': 'protocole',
  'keyword.annex': 'annexe',
  'keyword.appendix': 'appendice',
  'keyword.side-letter': 'lettre d’accompagnement',
  'keyword.cultural-cooperation': 'coopération culturelle',
  'keyword.cultural-industries': 'industries culturelles',
  'keyword.audiovisual-co-productions': 'coproductions audiovisuelles',
  'keyword.e-commerce': 'commerce électronique',
  'keyword.electronic-commerce': 'commerce électronique',
  'keyword.culture': 'culture',
  'filename.counts': 'effectifs',
  'filename.toBeneficiaries': 'vers-{codes}',
  'filename.signedFrom': 'signes-du-{date}',
  'filename.signedTo': 'signes-au-{date}',
  'filename.asOf': 'au-{date}',
  'filename.withProposals': 'avec-propositions',
  'filename.from': 'du-{year}',
  'filename.to': 'au-{year}',
};

const ES: ReportTexts = {
  'list.more': '{list} y {count} más',
  'list.pair': '{a} y {b}',
  'list.or': '{a} o {b}',
  'list.sentences': '{sentences}',
  'value.yes': 'sí',
  'value.no': 'no',
  'value.unknown': 'desconocido',
  'value.none': 'ninguno',
  // "constataciones: ninguna" (feminine), "Estados miembros…: ninguno"
  'value.noFinding': 'ninguna',
  'value.noMember': 'ninguno',
  'value.partyWithCode': '{name} ({code})',
  'value.asOfDay': 'a {date}',
  'value.asOfPart': 'en {date}',
  'paragraph.short': '§{paragraph}',
  'record.FULL_TEXT':
    'Texto completo: {parts} ({count, plural, one {# disposición} other {# disposiciones}}); no se tiene: {missing}.',
  'record.FULL_TEXT_PARTIAL':
    'Texto completo: {parts} ({count, plural, one {# disposición} other {# disposiciones}}); solo disposiciones seleccionadas: {partial}; no se tiene: {missing}.',
  'record.EXCERPTS':
    'La ficha solo contiene {count, plural, one {# disposición seleccionada} other {# disposiciones seleccionadas}}. Lo que le falta puede estar en las partes que no se tienen.',
  'record.METADATA_ONLY': 'La ficha no contiene ninguna disposición, solo los datos del acuerdo.',
  'record.nothing': 'nada',
  'part.MAIN_TEXT': 'texto principal',
  'part.ANNEXES': 'anexos',
  'part.SCHEDULES': 'listas de compromisos y reservas',
  'part.PROTOCOLS': 'protocolos',
  'part.SIDE_LETTERS': 'cartas complementarias',
  'severity.HIGH': 'ALTA',
  'severity.MEDIUM': 'MEDIA',
  'severity.LOW': 'BAJA',
  'severity.INFO': 'INFO',
  'outcome.MET': 'CUMPLIDA',
  'outcome.PENDING_REVIEW': 'PENDIENTE DE REVISIÓN',
  'outcome.NOT_MET': 'NO CUMPLIDA',
  'outcome.UNKNOWN': 'INDETERMINADA',
  'outcome.NOT_APPLICABLE': 'NO APLICABLE',
  'note.status.proposed':
    'Cuenta las anotaciones ACEPTADAS y PROPUESTAS: las PROPUESTAS vienen de las reglas de anotación y nadie las ha revisado todavía.',
  'note.status.accepted':
    'Solo cuenta las anotaciones ACEPTADAS (revisadas por una persona); las PROPUESTAS quedan fuera (includeProposed las cuenta).',
  'note.evidence.proposed':
    'Cuenta como pruebas tanto las anotaciones que aceptó un revisor como las propuestas (por las reglas de anotación o un anotador) que nadie ha revisado todavía; cada disposición indica cuál es el caso.',
  'note.evidence.accepted':
    'Cuenta como pruebas las anotaciones que aceptó un revisor. Las anotaciones propuestas (por las reglas de anotación o un anotador) que nadie ha revisado todavía se muestran al lado como «propuestas» (pendientes de revisión), nunca como una ausencia; pida que se incluyan las propuestas para contarlas como pruebas.',
  'developing.basis':
    'los grupos de ingreso del Banco Mundial (ejercicio 2023), o las listas de las Naciones Unidas de PMA y PEID',
  'coh.gate.notParty':
    '{party_The} {party_n, plural, one {no es Parte} other {no son Partes}} en la Convención: lo que esta espera no se aplica.',
  'coh.gate.notPartyUntil':
    '{party_The} {party_n, plural, one {no es Parte} other {no son Partes}} en la Convención ({until}, la última fecha que dan las fuentes): lo que esta espera no se aplica.',
  'coh.gate.notYetParty':
    '{party_The} {party_n, plural, one {aún no era Parte} other {aún no eran Partes}} en la Convención el {date} (en vigor a su respecto a partir del {inForce}): lo que esta espera no se aplicaba entonces.',
  'coh.gate.notYetInForce':
    '{party_The} {party_n, plural, one {aún no era Parte} other {aún no eran Partes}} en la Convención el {date} (en vigor a partir del {inForce}, para ninguna Parte antes): lo que esta espera no se aplicaba entonces.',
  'coh.gate.notYetInForceFrom':
    '{party_The} {party_n, plural, one {aún no era Parte} other {aún no eran Partes}} en la Convención el {date} (instrumento depositado en {year}, por lo que en vigor a su respecto no antes del {inForce}): lo que esta espera no se aplicaba entonces.',
  'coh.gate.inForceBetween':
    'No se sabe si {party_the} {party_n, plural, one {era Parte} other {eran Partes}} en la Convención el {date}: instrumento depositado en {year} (día no registrado), por lo que en vigor a su respecto entre el {from} y el {by}.',
  'coh.gate.undated':
    'La fecha de firma no está registrada: no se sabe si la Convención podía influir en el acuerdo.',
  'coh.gate.beforeAdoption':
    'Firmado el {signed}, antes de la aprobación de la Convención ({adopted}): un elemento de contexto para una revisión futura, no un incumplimiento.',
  'coh.gate.noInForce':
    'La fecha de entrada en vigor de la Convención para {party_the} no está registrada: no se sabe en qué acuerdos podía influir.',
  'coh.gate.beforeInForce':
    'Firmado el {signed}, antes de la entrada en vigor de la Convención para {party_the} ({inForce}): un elemento de contexto, no un incumplimiento.',
  'coh.gate.beforeInForceFrom':
    'Firmado el {signed}, antes de que la Convención pudiera entrar en vigor para {party_the} (instrumento depositado en {year}, por lo que en vigor no antes del {inForce}): un elemento de contexto, no un incumplimiento.',
  'coh.gate.beforeConventionInForce':
    'Firmado el {signed}, antes de la entrada en vigor de la Convención ({inForce}, para ninguna Parte antes): un elemento de contexto, no un incumplimiento.',
  'coh.pending':
    'Pendiente de la revisión de {count, plural, one {# anotación propuesta} other {# anotaciones propuestas}}. Cuando un revisor {count, plural, one {la confirme} other {las confirme}}, la conclusión dirá lo siguiente. {proposed} Mientras tanto, dice lo siguiente. {accepted}',
  'coh.pendingOthers':
    'Pendiente de la revisión de {count, plural, one {# anotación propuesta} other {# anotaciones propuestas}} {agreements, plural, one {de otro acuerdo} other {de otros acuerdos}} ({names}){own, plural, =0 {} one {, y de # de este acuerdo} other {, y de # de este acuerdo}}. Cuando un revisor {total, plural, one {la confirme} other {las confirme}}, la conclusión dirá lo siguiente. {proposed} Mientras tanto, dice lo siguiente. {accepted}',
  'coh.onProposals':
    'Se basa en {count, plural, one {# anotación propuesta que ningún revisor ha confirmado aún, contada} other {# anotaciones propuestas que ningún revisor ha confirmado aún, contadas}} porque el informe cuenta las propuestas. {proposed} Solo con las anotaciones aceptadas, dice lo siguiente. {accepted}',
  'coh.onProposalsOthers':
    'Se basa en {count, plural, one {# anotación propuesta} other {# anotaciones propuestas}} {agreements, plural, one {de otro acuerdo} other {de otros acuerdos}} ({names}){own, plural, =0 {} other {, y en # de este acuerdo}}, que ningún revisor ha confirmado aún, {total, plural, one {contada} other {contadas}} porque el informe cuenta las propuestas. {proposed} Solo con las anotaciones aceptadas, dice lo siguiente. {accepted}',
  'coh.unjudged':
    'No se puede juzgar con la ficha que se tiene. {record} No se sabe si el acuerdo contiene {absence}.',
  'coh.concerns': '{message} Afecta a {count, plural, one {# acuerdo} other {# acuerdos}}: {names}.',
  'coh.ref.met': 'Se refiere a la Convención o a la diversidad de las expresiones culturales.',
  'coh.ref.notMet':
    'Firmado el {signed}, cuando la Convención ya se aplicaba {party_to}, sin referencia a la Convención ni a la diversidad cultural en las disposiciones que se tienen.',
  'coh.ref.absence': 'una referencia a la Convención o a la diversidad cultural',
  'coh.implicit.met': 'Nombra la Convención.',
  'coh.implicit.na':
    'Ninguna referencia a la Convención ni a la diversidad cultural en las disposiciones que se tienen (la otra regla del párrafo 19.5 lo señala).',
  'coh.implicit.notMet': 'Invoca la diversidad cultural sin nombrar la Convención.',
  'coh.implicit.absence': 'una referencia que nombre la Convención',
  'coh.ecommerce.na':
    'No se encontró ningún compromiso vinculante de comercio electrónico sobre derechos de aduana o productos digitales entre las disposiciones que se tienen.',
  'coh.ecommerce.met':
    'Los compromisos de comercio electrónico van acompañados de una exclusión cultural o de una exención cultural.',
  'coh.ecommerce.notMet':
    'Compromete a las partes en {subjects}, sin exclusión para los contenidos culturales ni exención cultural en las disposiciones que se tienen.',
  'coh.ecommerce.CUSTOMS_DUTIES': 'los derechos de aduana sobre las transmisiones electrónicas',
  'coh.ecommerce.DIGITAL_PRODUCTS_NON_DISCRIMINATION': 'la no discriminación de los productos digitales',
  'coh.ecommerce.absence': 'una exclusión cultural o una exención cultural',
  'coh.ecommerce.naAbsence':
    'un compromiso vinculante de comercio electrónico sobre derechos de aduana o productos digitales',
  'coh.services.na':
    'No se encontraron compromisos sobre servicios, inversión o establecimiento entre las disposiciones que se tienen.',
  'coh.services.met':
    'Contiene una exclusión del sector audiovisual o una exención cultural (las disposiciones citadas dicen qué deja fuera cada una).',
  'coh.services.notMet':
    'Tiene compromisos sobre servicios o inversión ({where}) sin exclusión de los servicios audiovisuales ni exención cultural en las disposiciones que se tienen.',
  'coh.services.types': 'tipo de acuerdo {types}',
  'coh.services.typeOnly':
    'Su fuente lo clasifica como {types} (un acuerdo que abarca los servicios), pero ningún capítulo sobre servicios, inversión o establecimiento figura en las disposiciones que se tienen: los compromisos pueden estar en un instrumento que el catálogo no tiene (un acuerdo posterior sobre servicios). No se sabe si van acompañados de una exclusión del sector audiovisual o de una exención cultural.',
  'coh.services.absence': 'una exclusión del sector audiovisual o una exención cultural',
  'coh.services.naAbsence': 'compromisos sobre servicios, inversión o establecimiento',
  'coh.consistency.naAbsence': 'compromisos de los que habría que proteger la cultura',
  'coh.chapter': 'capítulo {number} «{title}»',
  'coh.chapterNamed': '{number} «{title}»',
  'coh.chapterUnnumbered': 'capítulo «{title}»',
  'coh.evidence.operative': 'artículo operativo del {chapter}',
  'coh.evidence.first': 'primer artículo del {chapter}',
  'coh.preferential.unknown':
    'No se sabe si {party_the} {party_n, plural, one {es} other {son}} un país en desarrollo: el párrafo 18.2 no se puede verificar.',
  'coh.preferential.developing':
    '{party_The} {party_n, plural, one {es} other {son}} un país en desarrollo según {basis}.',
  'coh.preferential.received':
    '{party_The} {party_n, plural, one {es} other {son}} un país en desarrollo según {basis}, por lo que el 18.2 no {party_n, plural, one {le} other {les}} pide nada; el acuerdo da a la cultura {party_of} trato preferente, concedido por {names}.',
  'coh.preferential.noPartner':
    'Ningún socio en desarrollo según {basis}; el grupo de ingreso de un socio cuando se firmó el acuerdo pudo ser otro.',
  'coh.preferential.noneRecorded':
    'El catálogo no registra ninguna parte del otro lado del acuerdo: no se puede decidir si el párrafo 18.2 pide algo aquí.',
  'coh.preferential.partnersUndecided':
    'Ningún socio del que se sepa que está vinculado en la fecha del informe es un país en desarrollo según {basis}, pero {names} puede serlo: no consta {count, plural, one {su vinculación en esa fecha, o su grupo de ingreso} other {su vinculación en esa fecha, o su grupo de ingreso}}. No se puede decidir si el párrafo 18.2 pide algo aquí.',
  'coh.preferential.ownSide':
    '{party_The} {party_n, plural, one {está} other {están}} del mismo lado de este acuerdo de un bloque que {count, plural, one {el país en desarrollo} other {los # países en desarrollo}} {names} (según {basis}), el bloque, su único socio aquí, del otro: {party_the} no {count, plural, one {le} other {les}} concede nada en virtud del acuerdo (el bloque sí), por lo que el 18.2 no {party_n, plural, one {le} other {les}} pide nada aquí.',
  'coh.preferential.met': 'Concede trato preferente a la cultura de los socios en desarrollo.',
  'coh.preferential.notMet':
    'Ningún trato preferente para la cultura, aunque {count, plural, one {un socio es un país en desarrollo} other {# socios son países en desarrollo}}: {names} (según {basis}).',
  'coh.preferential.absence': 'un trato preferente para la cultura de los socios en desarrollo',
  'coh.consistency.na':
    'No se encontró ningún compromiso del que la cultura necesitaría protegerse entre las disposiciones que se tienen.',
  'coh.consistency.undated': 'La fecha de firma no está registrada: el párrafo 19.1 no se puede verificar.',
  'coh.consistency.noPeer': 'Ningún otro acuerdo del período {period} con el que comparar.',
  'coh.consistency.own': 'Protege la cultura.',
  'coh.consistency.none':
    'Nada que comparar: ni este acuerdo ni {count, plural, one {el otro acuerdo} other {los otros # acuerdos}} del período {period} protegen la cultura (las reglas del 19.4 dicen lo que le falta a cada uno).',
  'coh.consistency.notMet':
    'Ninguna exención cultural, exclusión del sector audiovisual ni exclusión cultural del comercio electrónico en las disposiciones que se tienen, mientras que {protecting} de {count, plural, one {el otro acuerdo} other {los otros # acuerdos}} de la parte firmados en el período {period} {protecting, plural, one {tiene} other {tienen}} una: {names}.',
  'coh.consistency.absence':
    'una exención cultural, una exclusión del sector audiovisual o una exclusión cultural del comercio electrónico',
  'coh.partners.onDate': 'Socios que no son Partes en la Convención el {date}: {names}.',
  'coh.partners.lastKnown':
    'Socios que no son Partes en la Convención según las fuentes (nada más reciente): {names}.',
  'coh.partners.asOf': '{name} ({code}), a {date}',
  'coh.partners.asOfPartial': '{name} ({code}), en {date}',
  'coh.partners.unknownToo': 'Situación desconocida para: {names}.',
  'coh.partners.unknown': 'Situación respecto de la Convención desconocida para los socios: {names}.',
  'coh.partners.met': 'Todos los socios son Partes en la Convención.',
  'coh.partners.metOnDate':
    'Todos los socios vinculados el {date} son Partes en la Convención; {names}, vinculado{count, plural, one {} other {s}} en fechas que no constan, no se juzga{count, plural, one {} other {n}} aquí.',
  'coh.partners.none': 'Ningún socio está vinculado por el acuerdo el {date}.',
  'coh.partners.noneKnown':
    'No se sabe de ningún socio vinculado por el acuerdo el {date}; {names} puede estarlo (las fechas no constan), y su situación respecto de la Convención no se juzga aquí.',
  'coh.partners.noneRecorded':
    'El catálogo no registra ninguna parte del otro lado del acuerdo: no se puede decir nada de los socios.',
  'rule.G19.5/no-convention-reference.title':
    'Ninguna referencia a la Convención ni a la diversidad de las expresiones culturales',
  'rule.G19.5/no-convention-reference.checks':
    '¿Hay en alguna disposición (incluido el preámbulo) una referencia a la Convención de 2005, o a la diversidad de las expresiones culturales como valor u objetivo de las partes?',
  'rule.G19.5/no-convention-reference.why':
    'El párrafo 19.5 de las Orientaciones prácticas alienta a las Partes a referirse a la Convención en sus acuerdos comerciales, para que el acuerdo se lea en armonía con ella.',
  'rule.G19.5/no-convention-reference.whatToCheck':
    'Buscar en el preámbulo y en las disposiciones generales o finales cualquier mención de la diversidad cultural o de la Convención, y anotarla para la próxima negociación o revisión del acuerdo.',
  'rule.G19.5/implicit-reference-only.title':
    'Se refiere a la diversidad cultural pero no nombra la Convención',
  'rule.G19.5/implicit-reference-only.checks':
    'Entre los acuerdos que se refieren a la diversidad cultural: ¿se nombra la Convención de 2005? No aplicable cuando no hay ninguna referencia (la otra regla del párrafo 19.5 lo señala).',
  'rule.G19.5/implicit-reference-only.why':
    'El párrafo 19.5 de las Orientaciones prácticas pide referencias a la propia Convención; una mención general de la diversidad cultural es un apoyo más débil cuando se interpreta el acuerdo.',
  'rule.G19.5/implicit-reference-only.whatToCheck':
    'Leer los pasajes citados y considerar nombrar la Convención cuando se revise el acuerdo.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.title':
    'Compromisos de comercio electrónico sin exclusión para la cultura',
  'rule.G19.4/ecommerce-without-cultural-carve-out.checks':
    'Acuerdos con disposiciones de comercio electrónico sobre derechos de aduana a las transmisiones electrónicas o no discriminación de los productos digitales (no de mejor esfuerzo ni declarativas): ¿hay una exclusión cultural en esas disposiciones, o una exención cultural general, en alguna parte del acuerdo? ALTA solo cuando una de esas disposiciones está registrada como vinculante; si no, BAJA.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.why':
    'El párrafo 19.4 de las Orientaciones prácticas pide que los compromisos de comercio electrónico reconozcan la naturaleza específica de los bienes y servicios culturales; los compromisos sobre productos digitales sin exclusión cultural pueden limitar las políticas culturales en línea.',
  'rule.G19.4/ecommerce-without-cultural-carve-out.whatToCheck':
    'Leer los artículos citados sobre comercio electrónico y buscar en el acuerdo (incluidos sus anexos y cartas complementarias) una excepción para las industrias culturales o los contenidos audiovisuales que se les aplique.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.title':
    'Compromisos sobre servicios o inversión sin exclusión de los servicios audiovisuales ni de las industrias culturales',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.checks':
    'Acuerdos de tipo {types}, o con un capítulo cuyo título nombra los servicios, la inversión o el establecimiento (en inglés, español o francés; no los capítulos de promoción, facilitación o cooperación): ¿hay una exclusión del sector audiovisual o una exención cultural en alguna parte del acuerdo? ALTA solo cuando el capítulo tiene un artículo operativo (trato nacional o acceso a los mercados); un título de capítulo por sí solo da BAJA.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.why':
    'El párrafo 19.4 de las Orientaciones prácticas pide que los compromisos comerciales reconozcan la naturaleza específica de los servicios culturales; liberalizar los servicios o la inversión sin excluir los servicios audiovisuales puede limitar el apoyo a las industrias culturales.',
  'rule.G19.4/services-investment-without-audiovisual-exclusion.whatToCheck':
    'Leer los artículos citados sobre servicios o inversión y luego las listas de compromisos y de reservas del acuerdo (a menudo en anexos) en busca de reservas para el sector audiovisual o las industrias culturales.',
  'rule.G18.2/no-preferential-treatment.title':
    'Una parte desarrollada con socios en desarrollo no concede trato preferente a la cultura',
  'rule.G18.2/no-preferential-treatment.checks':
    'Cuando la parte es un país desarrollado y al menos un socio es un país en desarrollo: ¿concede el acuerdo trato preferente a la cultura (con cualquier mecanismo)? No aplicable a una parte en desarrollo, sean cuales sean las fechas (su control nombra el trato preferente que recibe y los socios desarrollados que lo conceden), o sin socios en desarrollo; no puede decidir cuando la situación de la parte no está registrada. Quién está en desarrollo se lee en {basis}, para los acuerdos de todos los años.',
  'rule.G18.2/no-preferential-treatment.why':
    'El párrafo 18 de las Orientaciones prácticas pide a los países desarrollados conceder trato preferente a los bienes y servicios culturales y a los profesionales de la cultura de los países en desarrollo, también mediante acuerdos comerciales (artículo 16 de la Convención).',
  'rule.G18.2/no-preferential-treatment.whatToCheck':
    'Buscar protocolos de cooperación cultural, de coproducción o facilidades de acceso al mercado para los artistas y los servicios culturales de los socios en desarrollo nombrados en la constatación.',
  'rule.G19.1/inconsistent-cultural-protection.title':
    'Cultura protegida en algunos acuerdos de un período y no en otros',
  'rule.G19.1/inconsistent-cultural-protection.checks':
    'Entre los acuerdos de la parte que tienen compromisos sobre servicios o inversión u obligaciones de comercio electrónico (como las definen las dos reglas del párrafo 19.4), agrupados por período de firma de cinco años (2005–2009, 2010–2014…): un acuerdo sin anotación {codes}, en un período en el que al menos otro de esos acuerdos tiene una. La constatación nombra los acuerdos que sí protegen la cultura, con sus disposiciones. No aplicable sin tales compromisos, sin otro acuerdo en el período, o cuando ningún acuerdo del período protege la cultura (nada que comparar; las reglas del 19.4 señalan la laguna).',
  'rule.G19.1/inconsistent-cultural-protection.why':
    'El párrafo 19.1 de las Orientaciones prácticas pide a las Partes mantener sus compromisos en virtud de distintos acuerdos coherentes entre sí y con la Convención; proteger la cultura en algunos acuerdos de un período y no en otros socava esa coherencia.',
  'rule.G19.1/inconsistent-cultural-protection.whatToCheck':
    'Comparar este acuerdo con los del mismo período que protegen la cultura (nombrados en la constatación) y verificar si la protección se omitió a propósito.',
  'rule.INFO/partners-not-convention-parties.title': 'Socios que no son Partes en la Convención',
  'rule.INFO/partners-not-convention-parties.checks':
    'Los socios de cada acuerdo que no son Partes en la Convención en la fecha del informe (o, cuando las fuentes se detienen antes, en la última fecha que dan); los socios cuya situación no conoce el catálogo se nombran aparte. Solo informativo: no puntúa.',
  'rule.INFO/partners-not-convention-parties.why':
    'La Convención (artículo 21) pide a las Partes promover sus principios en otros foros internacionales; los socios que no son Partes son donde esa promoción más importa.',
  'rule.INFO/partners-not-convention-parties.whatToCheck':
    'Tener en cuenta a los socios nombrados al promover la Convención en los diálogos que establece el acuerdo.',
  'scored.19.5': 'Los acuerdos se refieren explícitamente a la Convención de 2005',
  'scored.19.4':
    'Los bienes y servicios culturales conservan su especificidad en los compromisos de comercio electrónico, servicios e inversión',
  'scored.18.2':
    'Una parte desarrollada concede trato preferente a la cultura de sus socios en desarrollo (párrafos 18, 18.2)',
  'scored.19.1': 'La cultura se trata de forma coherente entre los acuerdos de un mismo período',
  'coh.note.statusOf2017':
    '{count} de estos {total} acuerdos se {count, plural, one {cuenta} other {cuentan}} como en vigor según el estado importado de ToTA (la lista de la OMC tal como ToTA la copió en 2017, o la lista posterior de DESTA donde aquella decía solo firmado), no revisado desde entonces: un acuerdo que terminó después sigue contándose salvo que el catálogo registre su fin (su página nombra la fuente de su estado).',
  'coh.note.partnersUndated':
    'Las partes que se adhirieron a un acuerdo en una fecha no registrada no se cuentan entre sus socios, pues no se sabe si las obligaba el {date} (la página del acuerdo nombra la fuente): {names}.',
  'coh.note.partnersInForceByUndated':
    'Las partes respecto de las cuales un acuerdo estaba en vigor a más tardar en un día que dan las fuentes, su día propio no registrado, posterior al {date}, no se cuentan entre sus socios, pues no se sabe si las obligaba el {date} (la página del acuerdo nombra la fuente): {names}.',
  'coh.note.partnersStartedUndated':
    'Las partes originarias respecto de las cuales un acuerdo comenzó a aplicarse en una fecha que ninguna fuente da (no consta fecha de entrada en vigor ni de aplicación provisional para ellas ni para el acuerdo) no se cuentan entre sus socios, pues no se sabe si las obligaba el {date} (la página del acuerdo nombra la fuente): {names}.',
  'coh.note.partnersLeftUndated':
    'Las partes que se retiraron de un acuerdo en una fecha no registrada no se cuentan entre sus socios, pues no se sabe si aún las obligaba el {date} (la página del acuerdo nombra la fuente): {names}.',
  'coh.note.partnersUndatedItem': '{parties} en {agreement}',
  'coh.note.bound':
    'Acuerdos que obligan {party_to} el {date} (en vigor o aplicados provisionalmente a su respecto; {count}).',
  'coh.note.leftOut':
    '{count, plural, one {Otro acuerdo} other {Otros # acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} fuera, no {count, plural, one {obliga} other {obligan}} {party_to} en esa fecha: {names}.',
  'coh.note.notBound.SIGNED_ONLY': '{agreement} (firmado, nunca aplicado)',
  'coh.note.notBound.APPLIES_LATER': '{agreement} (aplicado solo desde el {date})',
  'coh.note.notBound.APPLIES_BY':
    '{agreement} (aplicado solo desde un día posterior, a más tardar el {date}: su día propio no está registrado)',
  'coh.note.notBound.NOT_APPLIED': '{agreement} (no consta fecha desde la que se aplique)',
  'coh.note.notBound.TERMINATED': '{agreement} (terminado el {date})',
  'coh.note.notBound.WITHDRAWN': '{agreement} (denunciado el {date})',
  'coh.note.notBound.LEFT_BLOC': '{agreement} (ya no vinculante a través de {blocCode} desde el {date})',
  'coh.note.leftOutUndated':
    '{count, plural, one {# acuerdo} other {# acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} fuera porque {party_the} {party_n, plural, one {se adhirió} other {se adhirieron}} a {count, plural, one {él} other {ellos}} en una fecha no registrada (la página del acuerdo nombra la fuente; para un miembro de un bloque que ingresó en él después de la firma del bloque, ninguna fuente aquí da su propia adhesión, por la que lo obliga un acuerdo mixto, o uno que no consta como celebrado por el bloque solo): no se sabe si {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha: {names}.',
  'coh.note.leftOutUndatedOther':
    '{count, plural, one {Otro acuerdo} other {Otros # acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} también fuera porque {party_the} {party_n, plural, one {se adhirió} other {se adhirieron}} a {count, plural, one {él} other {ellos}} en una fecha no registrada (la página del acuerdo nombra la fuente; para un miembro de un bloque que ingresó en él después de la firma del bloque, ninguna fuente aquí da su propia adhesión, por la que lo obliga un acuerdo mixto, o uno que no consta como celebrado por el bloque solo): no se sabe si {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha: {names}.',
  'coh.note.leftOutLeft':
    '{count, plural, one {# acuerdo} other {# acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} fuera porque {party_the} se {party_n, plural, one {retiró} other {retiraron}} de {count, plural, one {él} other {ellos}} en una fecha no registrada (la página del acuerdo nombra la fuente): no se sabe si aún {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha: {names}.',
  'coh.note.leftOutLeftOther':
    '{count, plural, one {Otro acuerdo} other {Otros # acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} también fuera porque {party_the} se {party_n, plural, one {retiró} other {retiraron}} de {count, plural, one {él} other {ellos}} en una fecha no registrada (la página del acuerdo nombra la fuente): no se sabe si aún {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha: {names}.',
  'coh.note.leftOutEnded':
    '{count, plural, one {# acuerdo} other {# acuerdos}} {party_of} {count, plural, one {terminó} other {terminaron}} en una fecha que ninguna fuente da (registrado como terminado, sin fecha de terminación) y {count, plural, one {queda} other {quedan}} fuera: no se sabe si {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha: {names}.',
  'coh.note.leftOutStarted':
    '{count, plural, one {# acuerdo} other {# acuerdos}} {party_of} {count, plural, one {comenzó} other {comenzaron}} a aplicarse en una fecha que ninguna fuente da (registrado como aplicado, sin fecha de entrada en vigor ni de aplicación provisional) y {count, plural, one {queda} other {quedan}} fuera: no se sabe si {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha: {names}.',
  'coh.note.leftOutSuspended':
    '{count, plural, one {# acuerdo} other {# acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} fuera porque los derechos y obligaciones {party_of} en virtud de {count, plural, one {él} other {ellos}} están suspendidos en esa fecha (sigue siendo parte, no obligada mientras dure la suspensión; la página del acuerdo nombra la fuente): {names}.',
  'coh.note.suspendedItem': '{agreement} (suspensión desde el {date})',
  'coh.note.atLatest':
    '{count, plural, one {En # acuerdo} other {En # acuerdos}}, la fecha indicada {party_of} es un límite en que las fuentes coinciden, no su día propio, que ninguna da: {count, plural, one {estaba} other {estaban}} en vigor para {party_the} a más tardar en esa fecha, y {count, plural, one {se cuenta} other {se cuentan}} desde ella: {names}.',
  'coh.note.atLatestItem': '{agreement} (el {date} a más tardar)',
  'coh.note.leftOutInForceBy':
    '{count, plural, one {# acuerdo} other {# acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} fuera: no se sabe si {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha; en vigor para {party_the} a más tardar en un día posterior que dan las fuentes, su día propio no registrado: {names}.',
  'coh.note.leftOutInForceByOther':
    '{count, plural, one {Otro acuerdo} other {Otros # acuerdos}} {party_of} {count, plural, one {queda} other {quedan}} también fuera: no se sabe si {count, plural, one {obligaba} other {obligaban}} {party_to} en esa fecha; en vigor para {party_the} a más tardar en un día posterior que dan las fuentes, su día propio no registrado: {names}.',
  'note.suspended':
    'No se cuentan entre las partes a las que un acuerdo obliga, porque sus derechos y obligaciones en virtud de él están suspendidos el {date} (siguen siendo partes, no obligadas mientras dure la suspensión; la página del acuerdo nombra la fuente): {names}.',
  'note.suspendedItem': '{party} ({code}) en {agreement}, suspensión desde el {since}',
  'cmp.row.suspended': 'Partes suspendidas (no obligadas)',
  'cmp.suspendedSince': '{code} (desde el {date})',
  'cmp.note.atLatest':
    '{count, plural, one {Para # parte} other {Para # partes}}, la fecha desde la que un acuerdo {count, plural, one {la obliga} other {las obliga}} es un límite en que las fuentes coinciden, no su día propio, que ninguna da: estaba en vigor para {count, plural, one {ella} other {ellas}} a más tardar en esa fecha: {names}.',
  'cmp.note.atLatestItem': '{party} ({code}) en {agreement} (el {date} a más tardar)',
  'coh.note.partnersSuspended':
    'Las partes cuyos derechos y obligaciones en virtud de un acuerdo están suspendidos el {date} no se cuentan entre sus socios: {names}.',
  'coh.note.viaBloc':
    '{count, plural, one {# acuerdo obliga} other {# acuerdos obligan}} {party_to} a través de {blocs}, desde la más tardía de las fechas de aplicación del acuerdo y de adhesión al bloque (para un acuerdo que el bloque firmó antes de su adhesión: desde su adhesión al bloque si el bloque lo celebró solo, si no desde su propia adhesión al acuerdo), hasta que lo {party_n, plural, one {deja} other {dejan}} (tras cualquier período de transición). Los demás miembros del bloque nunca se cuentan como socios.',
  'coh.note.pending':
    '{count, plural, one {# acuerdo} other {# acuerdos}} de {total} {count, plural, one {tiene} other {tienen}} anotaciones propuestas (por las reglas de anotación o un anotador) que ningún revisor ha confirmado todavía: donde cambiarían un resultado, este se lee PENDIENTE DE REVISIÓN, nunca NO CUMPLIDA.',
  'coh.note.partial':
    'El catálogo solo tiene disposiciones seleccionadas (o ninguna) de {count, plural, one {# acuerdo} other {# acuerdos}}: {names}. Una ausencia no se puede juzgar ahí, así que el resultado de esas reglas se lee INDETERMINADA.',
  'coh.note.inferred':
    '{count, plural, one {# acuerdo está registrado} other {# acuerdos están registrados}} como en vigor sin fecha de entrada en vigor (contados como vinculantes desde la firma): {names}.',
  'coh.note.firstDates':
    '{count, plural, one {En # acuerdo} other {En # acuerdos}} entre tres o más partes, la fecha propia {party_of} no está registrada: la fecha de aplicación indicada es la primera del acuerdo (su primera entrada en vigor o aplicación provisional, quizá solo para otras partes), y {count, plural, one {el acuerdo obliga} other {estos acuerdos obligan}} {party_to} desde entonces o más tarde; {count, plural, one {se cuenta} other {se cuentan}} desde esa fecha, aunque quizá solo {count, plural, one {se aplica} other {se aplican}} a su respecto desde una fecha posterior: {names}.',
  'coh.note.notParty':
    '{party_The} {party_n, plural, one {no es Parte} other {no son Partes}} en la Convención: las reglas sobre lo que la Convención espera no se aplican.',
  'coh.note.notPartyUntil':
    '{party_The} {party_n, plural, one {no es Parte} other {no son Partes}} en la Convención hasta donde llegan las fuentes ({until}; ninguna posterior): las reglas sobre lo que la Convención espera no se aplican.',
  'coh.note.statusUnknown':
    'La situación {party_of} respecto de la Convención no está registrada en el catálogo: las reglas sobre lo que la Convención espera no pueden decidir.',
  'coh.note.scope':
    'Las anotaciones que nombran las partes que cubre una disposición (una reserva para una sola parte) solo cuentan para esas partes. Los anexos, listas y cartas complementarias que el catálogo no tiene pueden contener pruebas que el informe no ve; cada constatación dice lo que contiene el expediente.',
  'coh.title':
    'Coherencia de los acuerdos comerciales {party_of} con la Convención sobre la Protección y la Promoción de la Diversidad de las Expresiones Culturales (2005)',
  'coh.subtitle':
    '{count, plural, one {# acuerdo aplicado} other {# acuerdos aplicados}} el {date}; constataciones: {findings}',
  'coh.severityCount': '{count} {severity}',
  'coh.param.party': 'Parte',
  'coh.param.asOf': 'Fecha',
  'coh.param.counted': 'Anotaciones contadas',
  'coh.param.countedAll': 'ACEPTADAS y PROPUESTAS',
  'coh.param.countedAccepted': 'solo ACEPTADAS',
  'coh.param.inForce': 'Entrada en vigor de la Convención para la parte',
  'coh.param.inForceUnknown': 'desconocida (situación {status})',
  'coh.param.inForceBy':
    'día no registrado; instrumento depositado en {year}, por lo que en vigor a más tardar el {date} (los acuerdos firmados antes no se evalúan)',
  'coh.param.notPartyOn': 'no: no es Parte el {date}',
  'coh.param.notPartyUntil': 'no: no es Parte hasta donde llegan las fuentes ({until}; ninguna posterior)',
  'coh.param.developing': 'País en desarrollo',
  'coh.scores.title': 'Resultados por párrafo de las Orientaciones prácticas',
  'coh.scores.description':
    'Para cada párrafo de las orientaciones prácticas destinadas a promover la diversidad de las expresiones culturales en el entorno digital, la proporción de los acuerdos que sus reglas pudieron evaluar que lo cumplen.',
  'coh.scores.chart': 'Acuerdos a los que se aplica cada párrafo, por resultado',
  'coh.scores.chartDescription':
    'Gráfico de barras apiladas: los acuerdos a los que se aplica cada párrafo, por resultado (lo cumplen, no evaluados, no lo cumplen, pendientes de revisión), {count, plural, one {# párrafo} other {# párrafos}}; las cifras están en la tabla.',
  'coh.scores.agreements': 'Acuerdos',
  'coh.scores.notAssessed': 'No evaluados',
  'coh.scores.notMet': 'No lo cumplen',
  'coh.scores.pending': 'Pendientes de revisión',
  'coh.scores.share': 'Proporción que cumple el párrafo',
  'coh.scores.meets': 'Cumplen',
  'coh.col.paragraph': 'Párrafo',
  'coh.col.asks': 'Lo que pide',
  'coh.col.assessed': 'Acuerdos evaluados',
  'coh.col.met': 'Acuerdos que lo cumplen',
  'coh.col.share': 'Proporción de los acuerdos evaluados que lo cumplen',
  'coh.col.pending': 'Acuerdos pendientes de revisión (fuera de la proporción)',
  'coh.col.notAssessed': 'Acuerdos no evaluados: la ficha no permite juzgarlo (fuera de la proporción)',
  'coh.col.rules': 'Reglas',
  'coh.findings.title': 'Constataciones',
  'coh.findings.description':
    'Cada constatación dice lo que se encontró (resultado NO CUMPLIDA), lo que espera revisión (PENDIENTE DE REVISIÓN: prueba propuesta, por las reglas de anotación o un anotador, que ningún revisor ha confirmado todavía) o lo que no se puede juzgar (INDETERMINADA: el expediente es demasiado incompleto, o falta un dato); por qué importa según las Orientaciones prácticas; y qué podría verificar el ministerio. La tabla de pruebas de abajo enlaza cada disposición.',
  'coh.col.outcome': 'Resultado',
  'coh.col.severity': 'Gravedad',
  'coh.col.agreement': 'Acuerdo',
  'coh.col.signed': 'Firma',
  'coh.col.found': 'Constatación',
  'coh.col.why': 'Por qué importa',
  'coh.col.check': 'Qué verificar',
  'coh.col.record': 'Lo que tiene el catálogo',
  'coh.col.evidence': 'Prueba',
  'coh.col.rule': 'Regla',
  'coh.allAgreements': '{party} (todos los acuerdos)',
  'coh.absence': 'ausencia',
  'coh.evidence.title': 'Pruebas',
  'coh.evidence.description':
    'Las disposiciones que cita cada constatación, con la anotación que las convierte en prueba y el estado de su revisión hoy: el informe cuenta lo revisado cuando se elabora, sea cual sea su fecha.',
  'coh.col.finding': 'Constatación n.º',
  'coh.col.provision': 'Disposición',
  'coh.col.pinpoint': 'Referencia',
  'coh.col.code': 'Código',
  'coh.col.binding': 'Fuerza vinculante',
  'coh.col.reviewToday': 'Estado de la revisión hoy',
  'coh.col.detail': 'Detalle',
  'coh.col.note': 'Motivo de la cita',
  'coh.cell.notMet': 'no cumplido',
  'coh.cell.notMetProposed': 'no cumplido, según propuestas pendientes de revisión',
  'coh.cell.pending': 'pendiente de revisión',
  'coh.cell.legacy': 'anterior (antes de la Convención)',
  'coh.cell.unknown': 'indeterminado',
  'coh.cell.meets': 'cumplido',
  'coh.cell.meetsProposed': 'cumplido, según propuestas pendientes de revisión',
  'coh.cell.na': 'no aplicable',
  'coh.agreements.title': 'Acuerdos evaluados',
  'coh.agreements.description':
    'Cada acuerdo de la parte aplicado en la fecha del informe, con el resultado por párrafo (pendiente de revisión: una prueba propuesta espera a un revisor; anterior: firmado antes de la Convención, contexto y no incumplimiento; no aplicable: las reglas no se aplican; indeterminado: falta el expediente o un dato) y lo que el catálogo tiene de él.',
  'coh.col.applied': 'Aplicado a la parte desde',
  'coh.col.firstDates': 'Fecha: la primera del acuerdo (la de la parte no registrada)',
  'coh.col.atLatest':
    'Fecha: un límite, en vigor a más tardar en ella (día propio de la parte no registrado)',
  'coh.col.inferred': 'Fecha: la de la firma (ninguna fecha de entrada en vigor registrada)',
  'coh.col.via': 'A través de',
  'coh.col.role': 'Papel de la parte',
  'coh.cell.original': 'parte original',
  'coh.cell.acceded': 'adhesión después de la firma',
  'coh.col.partners': 'Socios',
  'coh.col.accepted': 'Anotaciones revisadas',
  'coh.col.proposed': 'Propuestas pendientes de revisión',
  'coh.col.recordShort': 'Expediente',
  'coh.trend.title': 'Evolución por año de firma',
  'coh.trend.description':
    'Proporción de los acuerdos evaluados firmados cada año que cumplen cada párrafo (se omiten los años sin acuerdo evaluado).',
  'coh.trend.chartDescription':
    'Gráfico de líneas: proporción de los acuerdos evaluados que cumplen cada párrafo por año de firma, {count, plural, one {# serie} other {# series}}; las cifras están en la tabla.',
  'coh.col.year': 'Año',
  'coh.col.yearSigned': 'Año de firma',
  'coh.col.paragraphShare': '§{paragraph}: proporción que lo cumple',
  'coh.trend.cell': '{share} ({met} de {assessed})',
  'coh.rules.title': 'Reglas',
  'coh.rules.description':
    'Las reglas detrás de las constataciones (docs/coherence-rules.md, en el proyecto, explica cada una). Cada una termina, por acuerdo, en CUMPLIDA (prueba revisada), PENDIENTE DE REVISIÓN (solo prueba propuesta), NO CUMPLIDA (ninguna prueba en un expediente lo bastante completo para juzgar), INDETERMINADA (falta el expediente o un dato) o NO APLICABLE. Las reglas sobre lo que espera la Convención se aplican a los acuerdos firmados después de su aprobación ({adopted}) y de su entrada en vigor para la parte; los anteriores son contexto. ALTA exige un compromiso operativo como prueba; un título de capítulo o una cláusula no vinculante da como mucho BAJA.',
  'coh.col.ruleTitle': 'Constatación',
  'coh.col.checks': 'Qué verifica',
  'coh.col.scored': 'Puntúa',
  'trends.by.YEAR': 'año de firma',
  'trends.by.REGION': 'región',
  'trends.by.AGREEMENT_TYPE': 'tipo de acuerdo',
  'trends.by.PARTY': 'parte',
  'trends.groupLabel.YEAR': 'Año de firma',
  'trends.groupLabel.REGION': 'Región',
  'trends.groupLabel.AGREEMENT_TYPE': 'Tipo de acuerdo',
  'trends.groupLabel.PARTY': 'Parte',
  'trends.unknownGroup.YEAR': 'Año desconocido',
  'trends.unknownGroup.REGION': 'Región desconocida',
  'trends.unknownGroup.AGREEMENT_TYPE': 'Ningún tipo registrado',
  'trends.unknownGroup.PARTY': 'Ninguna parte registrada',
  'trends.unboundGroup': 'Sin ninguna parte obligada (solo firmado, o ninguna parte registrada)',
  'trends.title': 'Tendencias por {by}, {range}',
  'trends.noAgreement': 'ningún acuerdo',
  'trends.range.from': 'desde {from}',
  'trends.range.to': 'hasta {to}',
  'trends.empty.from':
    'Ningún acuerdo del catálogo se firmó en {from} o después: el último se firmó en {last}.',
  'trends.empty.to': 'Ningún acuerdo del catálogo se firmó en {to} o antes: el primero se firmó en {first}.',
  'trends.empty.between':
    'Ningún acuerdo del catálogo se firmó de {from} a {to}: sus acuerdos se firmaron de {first} a {last}.',
  'trends.empty.none': 'El catálogo no contiene ningún acuerdo con fecha de firma.',
  'trends.subtitle':
    '{count, plural, one {# acuerdo firmado} other {# acuerdos firmados}} {range}, {groups, plural, one {# grupo} other {# grupos}}',
  'trends.param.groupBy': 'Agrupar por',
  'trends.param.from': 'Desde',
  'trends.param.to': 'Hasta',
  'trends.param.firstSignature': 'primera firma',
  'trends.param.lastSignature': 'última firma',
  'trends.param.clauses': 'Cláusulas',
  'trends.param.counted': 'Pruebas contadas',
  'trends.counted.proposed': 'anotaciones aceptadas y propuestas',
  'trends.counted.accepted':
    'anotaciones aceptadas (las propuestas se muestran aparte, pendientes de revisión)',
  'trends.share.pending': '{count, plural, one {# propuesta} other {# propuestas}}, pendiente de revisión',
  'trends.share.accepted': '{share} ({accepted, plural, one {# aceptada} other {# aceptadas}})',
  'trends.share.both':
    '{share} ({accepted, plural, one {# aceptada} other {# aceptadas}} + {proposed, plural, one {# propuesta} other {# propuestas}})',
  'trends.yLabel': 'Proporción de acuerdos',
  'trends.shares.title': 'Proporción de acuerdos con prueba aceptada de cada cláusula',
  'trends.shares.sheet': 'Proporción (aceptadas)',
  'trends.shares.description':
    'Proporción de los acuerdos firmados cada año que tienen al menos una disposición cuya anotación aceptó un revisor.',
  'trends.sharesProposed.title': 'Proporción de acuerdos con prueba aceptada o propuesta de cada cláusula',
  'trends.sharesProposed.sheet': 'Proporción (con propuestas)',
  'trends.sharesProposed.description':
    'La misma proporción contando también las anotaciones propuestas (por las reglas de anotación o un anotador) que nadie ha revisado todavía: la diferencia entre los dos gráficos es lo que espera revisión.',
  'trends.line.chartDescription':
    'Gráfico de líneas: proporción de acuerdos por año de firma, {count, plural, one {# serie} other {# series}}; las cifras están en la tabla.',
  'trends.line.gaps':
    'Una línea se interrumpe en los años en que no se firmó ningún acuerdo: no hay proporción que trazar.',
  'trends.volume.title': 'Acuerdos firmados por año',
  'trends.volume.yLabel': 'Acuerdos',
  'trends.volume.series': 'Acuerdos firmados',
  'trends.volume.chartDescription':
    'Gráfico de líneas: acuerdos firmados por año, {count, plural, one {# año} other {# años}}; las cifras están en la tabla.',
  'trends.heatmap.title': 'Proporción de acuerdos con cada cláusula',
  'trends.heatmap.largest': 'Los {shown} mayores de {total} grupos; las tablas los dan todos.',
  'trends.heatmap.proposed': 'Las proporciones cuentan las pruebas aceptadas y propuestas.',
  'trends.heatmap.accepted':
    'Las proporciones cuentan las pruebas aceptadas; «+n»: n acuerdos más solo tienen prueba propuesta, pendiente de revisión; las celdas rayadas entre paréntesis solo tienen prueba propuesta.',
  'trends.heatmap.legendProposed': 'Proporción de acuerdos (prueba aceptada o propuesta)',
  'trends.heatmap.legendAccepted': 'Proporción de acuerdos (prueba aceptada)',
  'trends.heatmap.pending': 'solo propuesta, pendiente de revisión',
  'trends.heatmap.noData': 'sin datos',
  'trends.heatmap.chartDescription':
    'Mapa de calor: proporción de acuerdos por grupo y cláusula, {count, plural, one {# grupo} other {# grupos}}, más oscuro cuanto más; las cifras están en la tabla.',
  'trends.groups.title': 'Por {by}',
  'trends.groups.proposed':
    'Proporción de los acuerdos de cada grupo que tienen la cláusula, aceptada o propuesta, y cuántos de cada.',
  'trends.groups.accepted':
    'Proporción de los acuerdos de cada grupo que tienen la cláusula en una anotación aceptada, y cuántos más solo la tienen en anotaciones propuestas (pendientes de revisión).',
  'trends.col.agreements': 'Acuerdos del grupo',
  'trends.col.partial': 'Acuerdos con expedientes parciales',
  'trends.counts.title': 'Recuentos',
  'trends.counts.description':
    'Una fila por grupo y cláusula: acuerdos con prueba aceptada, acuerdos con solo prueba propuesta (pendiente de revisión), y las proporciones con y sin las propuestas.',
  'trends.col.key': 'Clave del grupo',
  'trends.col.clause': 'Cláusula',
  'trends.col.code': 'Código',
  'trends.col.accepted': 'Acuerdos con prueba aceptada',
  'trends.col.proposed': 'Acuerdos con solo prueba propuesta',
  'trends.col.proposedOf': '{clause}: acuerdos con solo prueba propuesta',
  'trends.col.acceptedShare': 'Proporción de acuerdos con prueba aceptada',
  'trends.col.shareWithProposed': 'Proporción de acuerdos con prueba aceptada o propuesta',
  'trends.col.shareOf': '{clause}: proporción de acuerdos con prueba aceptada',
  'trends.col.shareOfProposed': '{clause}: proporción de acuerdos con prueba aceptada o propuesta',
  'trends.note.agreements':
    'Cuenta acuerdos, no disposiciones: un acuerdo tiene un código cuando al menos una de sus disposiciones lo lleva. Se omiten los acuerdos sin fecha de firma registrada.',
  'trends.note.parties':
    'Las partes son aquellas a las que un acuerdo obliga: un bloque como la Unión Europea y, a través de él, cada uno de sus Estados miembros; los territorios dependientes no son partes.',
  'trends.note.scope':
    'Una cláusula que nombra las partes que cubre (una exención para una sola parte) solo cuenta en los grupos de esas partes.',
  'trends.note.throughBlocs':
    'Un acuerdo de un bloque cuenta en la región de cada uno de sus Estados miembros: {parts}.',
  'trends.note.throughBlocsPart':
    '{group} cuenta {count} de sus {total, plural, one {# acuerdo} other {# acuerdos}} solo a través de Estados miembros de un bloque ({names})',
  'trends.note.through': '{party} a través de {bloc}',
  'trends.note.partial':
    '{count, plural, one {# de los {total} acuerdos solo tiene} other {# de los {total} acuerdos solo tienen}} disposiciones seleccionadas o ningún texto ({names}): una cláusula que falta en tal expediente no se sabe ausente, así que una proporción sobre ellos es un mínimo («Acuerdos con expedientes parciales» en las tablas).',
  'trends.note.partialGroup': '{group}: {count} de {total}',
  'trends.note.overlap':
    'Un acuerdo cuenta una vez en cada grupo al que pertenece, así que la suma de los grupos supera el total.',
  'evidence.both':
    '{accepted, plural, one {# aceptada} other {# aceptadas}} + {proposed, plural, one {# propuesta} other {# propuestas}}',
  'evidence.proposed':
    '{proposed, plural, one {# propuesta, pendiente de revisión} other {# propuestas, pendientes de revisión}}',
  'evidence.accepted': '{accepted, plural, one {# aceptada} other {# aceptadas}}',
  'status.ACCEPTED': 'aceptada',
  'status.PROPOSED': 'propuesta, pendiente de revisión',
  'status.REJECTED': 'rechazada',
  'force.BINDING': 'vinculante',
  'force.BEST_ENDEAVOUR': 'mejores esfuerzos',
  'force.DECLARATORY': 'declarativa',
  'force.unknown': 'fuerza desconocida',
  'forceShort.BINDING': 'V',
  'forceShort.BEST_ENDEAVOUR': 'ME',
  'forceShort.DECLARATORY': 'D',
  'mechanism.ARTIST_MOBILITY': 'movilidad de artistas',
  'mechanism.CO_PRODUCTION': 'coproducción',
  'mechanism.MARKET_ACCESS': 'acceso a los mercados',
  'mechanism.TECHNICAL_ASSISTANCE': 'asistencia técnica',
  'mechanism.OTHER': 'otro',
  'detail.DATA_FLOWS': 'flujos transfronterizos de datos',
  'detail.DATA_LOCALISATION': 'localización de datos',
  'detail.PERSONAL_DATA': 'protección de datos personales',
  'detail.CONSUMER_PROTECTION': 'protección del consumidor',
  'detail.AUTHENTICATION': 'autenticación electrónica',
  'detail.PAPERLESS_TRADE': 'comercio sin papel',
  'detail.SPAM': 'mensajes comerciales no solicitados',
  'detail.COOPERATION': 'cooperación',
  'detail.DEFINITIONS_SCOPE': 'definiciones y ámbito de aplicación',
  'detail.GUIDELINES': 'Orientaciones prácticas',
  'agreementStatus.UNDER_NEGOTIATION': 'en negociación',
  'agreementStatus.SIGNED': 'firmado',
  'agreementStatus.PROVISIONALLY_APPLIED': 'aplicado provisionalmente',
  'agreementStatus.IN_FORCE': 'en vigor',
  'agreementStatus.TERMINATED': 'terminado',
  'col.agreement': 'Acuerdo',
  'col.clause': 'Cláusula',
  'col.provision': 'Disposición',
  'col.provisions': 'Disposiciones',
  'col.pinpoint': 'Referencia',
  'col.binding': 'Fuerza vinculante',
  'col.review': 'Revisión',
  'col.detail': 'Detalle',
  'col.code': 'Código',
  'col.signed': 'Firma',
  'cmp.title': 'Comparación de {count, plural, one {# acuerdo} other {# acuerdos}}',
  'cmp.param.agreements': 'Acuerdos',
  'cmp.param.codes': 'Códigos',
  'cmp.matrix.title': 'Matriz',
  'cmp.matrix.proposed':
    'Filas de metadatos y luego una fila por código: la fuerza vinculante más alta entre las disposiciones con el código, y sus claves (con enlace a la primera); una celda dice cuántas están aceptadas y cuántas propuestas.',
  'cmp.matrix.accepted':
    'Filas de metadatos y luego una fila por código: la fuerza vinculante más alta entre las disposiciones con una anotación aceptada del código, y sus claves (con enlace a la primera); las disposiciones que solo tienen una anotación propuesta siguen como «propuestas, pendientes de revisión». Una celda que solo tiene propuestas lleva un rayado propio.',
  'cmp.col.row': 'Fila',
  'cmp.row.slug': 'Identificador',
  'cmp.row.inForce': 'Entrada en vigor',
  'cmp.row.applied': 'Aplicado desde el',
  'cmp.row.status': 'Estado',
  'cmp.row.parties': 'Partes',
  'cmp.row.via': 'Estados miembros obligados a través de un bloque',
  'cmp.row.developing': 'Partes en desarrollo',
  'cmp.row.signatoriesOnly': 'Solo signatarias, nunca obligadas',
  'cmp.row.record': 'Texto que se tiene',
  'cmp.via.bloc': '{member} (bloque: {code})',
  'cmp.via.from': '{code} desde el {date}',
  'cmp.via.fromBy': '{code} desde el {date} a más tardar',
  'cmp.via.fromByTo': '{code} desde el {from} a más tardar hasta el {to}',
  'cmp.via.to': '{code} hasta el {date}',
  'cmp.via.fromTo': '{code} del {from} al {to}',
  'cmp.via.unknown': '{code} desde una fecha desconocida',
  'cmp.via.unknownTo': '{code} desde una fecha desconocida hasta el {to}',
  'cmp.cell': '{force}: {keys}',
  'cmp.cell.scope': '(solo {parties})',
  'cmp.cell.waiting': '{evidence}: {keys}',
  'cmp.cell.pending': '{evidence}: {keys} ({force})',
  'cmp.heatmap.title': 'Mapa de calor',
  'cmp.heatmap.description':
    'Fuerza vinculante más alta por código entre las disposiciones contadas como pruebas: V vinculante, ME mejores esfuerzos, D declarativa, en blanco ninguna.',
  'cmp.heatmap.pendingCells':
    'Celdas rayadas entre paréntesis, como (V): solo pruebas propuestas, pendientes de revisión; «+» tras una letra: otras disposiciones propuestas.',
  'cmp.heatmap.rowLabel': 'Código',
  'cmp.heatmap.none': 'ninguna',
  'cmp.heatmap.legend': 'Fuerza (0 ninguna, 1 declarativa, 2 mejores esfuerzos, 3 vinculante)',
  'cmp.heatmap.column': '{agreement}: fuerza (0 ninguna, 1 declarativa, 2 mejores esfuerzos, 3 vinculante)',
  'cmp.heatmap.chartDescription':
    'Mapa de calor: fuerza vinculante más alta por código y acuerdo, {count, plural, one {# código} other {# códigos}}, más oscuro cuanto más fuerte; las cifras están en la tabla.',
  'cmp.provisions.title': 'Disposiciones',
  'cmp.provisions.description': 'Cada disposición con un código de la matriz, aceptada o propuesta.',
  'cmp.note.cell':
    'Una celda muestra la fuerza vinculante más alta entre las disposiciones contadas como pruebas y enumera cada disposición con el código, aceptada o propuesta.',
  'cmp.note.empty':
    'Una celda vacía significa ninguna anotación, ni aceptada ni propuesta: el acuerdo puede tener aun así una disposición que los anotadores no han codificado, o textos (anexos, listas de compromisos) que el catálogo no tiene.',
  'cmp.note.statusOf2017':
    'El estado de {count, plural, one {# acuerdo} other {# acuerdos}} ({names}) es el importado de ToTA (la lista de la OMC tal como ToTA la copió en 2017, o la lista posterior de DESTA donde aquella decía solo firmado), no revisado desde entonces: un acuerdo que terminó después sigue leyéndose como en vigor salvo que el catálogo registre su fin (su página nombra la fuente de su estado).',
  'cmp.note.partial':
    'El catálogo solo tiene disposiciones seleccionadas (o ninguna) de {count, plural, one {# acuerdo} other {# acuerdos}}: {names}. Una celda vacía no dice nada de las disposiciones que no tiene (la fila «Texto que se tiene» dice cuáles tiene).',
  'cmp.note.parties':
    'Las partes son aquellas a las que el acuerdo obliga: un bloque como la Unión Europea en cuanto tal, sus Estados miembros «a través» del bloque (nunca como socios separados); los territorios dependientes no son partes.',
  'cmp.note.signatoriesOnly':
    'Una parte que firmó un acuerdo sin quedar obligada por él en ninguna fecha (el acuerdo nunca entró en vigor, como el TPP, o la parte nunca lo aplicó, como Haití el AAE UE-CARIFORUM) no es una parte a la que obligue: figura aparte, como solo signataria, nunca obligada.',
  'flows.title': 'Trato preferente para la cultura: quién otorga qué a quién',
  'flows.subtitle':
    '{flows, plural, one {# flujo} other {# flujos}}, {pairs, plural, one {# par otorgante–beneficiario} other {# pares otorgante–beneficiario}}, {provisions, plural, one {# disposición} other {# disposiciones}}',
  'flows.subtitlePending':
    '{flows, plural, one {# flujo} other {# flujos}} ({pending, plural, one {# pendiente} other {# pendientes}} de revisión), {pairs, plural, one {# par otorgante–beneficiario} other {# pares otorgante–beneficiario}}, {provisions, plural, one {# disposición} other {# disposiciones}}',
  'flows.param.grantors': 'Otorgantes',
  'flows.param.beneficiaries': 'Beneficiarios',
  'flows.param.mechanisms': 'Mecanismos',
  'flows.param.agreements': 'Acuerdos',
  'flows.param.signedFrom': 'Firmados desde el',
  'flows.param.signedTo': 'Firmados hasta el',
  'flows.pair': '{grantor} → {beneficiary}',
  'flows.pairs.title': 'Otorgante → beneficiario',
  'flows.pairs.column': '{mechanism}: disposiciones',
  'flows.pairs.largest': 'Disposiciones por par y mecanismo: los {shown} pares más grandes de {total}.',
  'flows.pairs.all': 'Disposiciones por par y mecanismo.',
  'flows.pairs.pendingSeries':
    'Las disposiciones que solo tienen anotaciones propuestas forman una serie aparte.',
  'flows.pairs.chartDescription':
    'Gráfico de barras apiladas: disposiciones por par otorgante → beneficiario y mecanismo, {count, plural, one {# par} other {# pares}}; las cifras están en la tabla.',
  'flows.flows.title': 'Flujos',
  'flows.col.grantor': 'Otorgante',
  'flows.col.beneficiary': 'Beneficiario',
  'flows.col.mechanism': 'Mecanismo',
  'flows.col.mechanisms': 'Mecanismos',
  'flows.col.accepted': 'Pruebas aceptadas (disposiciones)',
  'flows.col.proposed': 'Pruebas propuestas (disposiciones)',
  'flows.col.proposedWaiting': 'Pruebas propuestas, pendientes de revisión (disposiciones)',
  'flows.col.pending': 'Solo pruebas propuestas (pendientes de revisión)',
  'flows.col.mutual': 'Recíproco',
  'flows.col.grantors': 'Otorgantes',
  'flows.col.beneficiaries': 'Beneficiarios',
  'flows.provisions.title': 'Disposiciones',
  'flows.note.pending':
    'Un flujo cuyas únicas pruebas son propuestas se muestra como pendiente: las reglas de anotación lo encontraron y falta que una persona lo confirme.',
  'flows.note.who':
    'Los otorgantes son los socios desarrollados de un acuerdo (la Unión Europea como bloque); los beneficiarios, sus socios en desarrollo (según la taxonomía: no de ingreso alto para el Banco Mundial, o país menos adelantado o pequeño Estado insular en desarrollo), clasificados con {basis} cualquiera que sea el año del acuerdo: el grupo de ingreso de un socio cuando se firmó el acuerdo pudo ser otro. Cuando ningún socio es desarrollado, los socios en desarrollo se otorgan trato entre sí (recíproco). En un acuerdo de un bloque (la Unión Europea y sus Estados miembros, por una parte), los socios distintos del bloque están juntos del otro lado y no se otorgan nada entre sí en virtud de él.',
  'flows.note.partners':
    'Los socios son las partes a las que un acuerdo obliga por derecho propio: los Estados miembros de un bloque están obligados a través del bloque y nunca son socios de sus acuerdos, ni beneficiarios de ellos; los territorios dependientes no son partes. Una disposición que nombra las partes que abarca solo da un flujo cuando abarca al otorgante o al beneficiario.',
  'flows.note.unknown':
    '{count, plural, one {# entrada de parte cuya condición de país en desarrollo se desconoce no es} other {# entradas de partes cuya condición de país en desarrollo se desconoce no son}} ni otorgante ni beneficiaria.',
  'file.kind': 'Informe de Clause Tracker: {kind}',
  'file.generated': 'Generado el',
  'file.footer': '{title}. Generado el {date} por Clause Tracker.',
  'file.parameters': 'Parámetros',
  'file.notes': 'Notas',
  'file.sections': 'Secciones',
  'file.chart': '{title}: gráfico',
  'file.table': '{title}: tabla',
  'file.data': '{title}: datos',
  'file.chartData': 'Datos del gráfico',
  'file.chartDataIntro': 'Datos del gráfico:',
  'file.parameterLine': '{name}: {value}',
  'file.nothing': 'Nada que mostrar.',
  'file.noRows': '{title}: ninguna fila.',
  'file.generatedOn': 'Generado el {date}.',
  'file.sectionCsv': 'Sección {id}, como CSV:',
  'file.noRowsShort': 'Ninguna fila.',
  'file.linkColumn': '{label} (enlace)',
  'file.about': 'Acerca de',
  'file.report': 'Informe',
  'file.subtitle': 'Objeto',
  'file.sheets': 'Hojas',
  'file.aboutItem': 'Elemento',
  'file.aboutText': 'Texto',
  'filename.coherence': 'coherencia',
  'filename.trends': 'tendencias',
  'filename.comparison': 'comparacion',
  'filename.flows': 'flujos',
  'filename.year': 'anio',
  'filename.region': 'region',
  'filename.agreementType': 'tipo-acuerdo',
  'filename.party': 'parte',
  'filename.scores': 'puntuaciones',
  'filename.findings': 'constataciones',
  'filename.evidence': 'pruebas',
  'filename.agreements': 'acuerdos',
  'filename.trend': 'tendencia',
  'filename.rules': 'reglas',
  'filename.matrix': 'matriz',
  'filename.heatmap': 'mapa-de-calor',
  'filename.provisions': 'disposiciones',
  'filename.pairs': 'pares',
  'filename.volume': 'volumen',
  'filename.shares': 'proporciones',
  'filename.groups': 'grupos',
  'keyword.protocol': 'protocolo',
  'keyword.annex': 'anexo',
  'keyword.appendix': 'apéndice',
  'keyword.side-letter': 'carta paralela',
  'keyword.cultural-cooperation': 'cooperación cultural',
  'keyword.cultural-industries': 'industrias culturales',
  'keyword.audiovisual-co-productions': 'coproducciones audiovisuales',
  'keyword.e-commerce': 'comercio electrónico',
  'keyword.electronic-commerce': 'comercio electrónico',
  'keyword.culture': 'cultura',
  'filename.counts': 'recuentos',
  'filename.toBeneficiaries': 'hacia-{codes}',
  'filename.signedFrom': 'firmados-desde-{date}',
  'filename.signedTo': 'firmados-hasta-{date}',
  'filename.asOf': 'al-{date}',
  'filename.withProposals': 'con-propuestas',
  'filename.from': 'desde-{year}',
  'filename.to': 'hasta-{year}',
};

/**
 * The taxonomy's code names in French and Spanish (the English names are the taxonomy's own, from the API):
 * what the forms and facets show, the code staying the value. A code missing here shows its English name.
 */
const CODE_NAMES: Record<'fr' | 'es', Record<string, string>> = {
  fr: {
    CONVENTION_REF_EXPLICIT: 'Référence explicite à la Convention de 2005',
    CONVENTION_REF_IMPLICIT: 'Référence implicite à la diversité culturelle',
    CULTURAL_EXEMPTION: 'Exemption culturelle',
    AUDIOVISUAL_EXCLUSION: 'Exclusion de l’audiovisuel',
    POLICY_SPACE_CULTURE: 'Marge de manœuvre pour les politiques culturelles',
    HERITAGE_EXCEPTION: 'Exception pour le patrimoine',
    CULTURAL_COOPERATION: 'Coopération culturelle',
    PREFERENTIAL_TREATMENT_CULTURE: 'Traitement préférentiel pour la culture',
    ECOMMERCE_PROVISION: 'Disposition sur le commerce électronique',
    ECOMMERCE_CULTURAL_CARVE_OUT: 'Exclusion culturelle du commerce électronique',
  },
  es: {
    CONVENTION_REF_EXPLICIT: 'Referencia explícita a la Convención de 2005',
    CONVENTION_REF_IMPLICIT: 'Referencia implícita a la diversidad cultural',
    CULTURAL_EXEMPTION: 'Exención cultural',
    AUDIOVISUAL_EXCLUSION: 'Exclusión del sector audiovisual',
    POLICY_SPACE_CULTURE: 'Margen de maniobra para las políticas culturales',
    HERITAGE_EXCEPTION: 'Excepción para el patrimonio',
    CULTURAL_COOPERATION: 'Cooperación cultural',
    PREFERENTIAL_TREATMENT_CULTURE: 'Trato preferente para la cultura',
    ECOMMERCE_PROVISION: 'Disposición sobre comercio electrónico',
    ECOMMERCE_CULTURAL_CARVE_OUT: 'Exclusión cultural del comercio electrónico',
  },
};

/** A taxonomy code's name in the interface language: the translation if there is one, else the taxonomy's name. */
export const codeNameIn = (lang: Language, code: string, taxonomyName: string): string =>
  (lang === 'en' ? undefined : CODE_NAMES[lang][code]) ?? taxonomyName;

export const REPORT_TEXTS: Record<Language, ReportTexts> = { en: EN, fr: FR, es: ES };

/** A sentence before it is put in a language: its key and its parameters. */
export interface Text {
  key: ReportTextKey;
  params?: Record<string, TextParam>;
}

/** A date (YYYY-MM-DD, or as precise as the source: YYYY-MM, YYYY) written the language's way. */
export interface DateParam {
  date: string;
}

/** Names in a sentence: the first `max`, then how many more ("A, B and 3 more"); `max` 0 lists them all. */
export interface NamesParam {
  names: (string | Text | PartyParam)[];
  max?: number;
  /** Between the items (default ", "); " " joins sentences. */
  separator?: string;
  /** The form of the parties among the items (default bare): `the` where the list is in running text ("granted by the United States of America, Canada"). */
  form?: 'bare' | 'the';
}

/**
 * A party, named in the language (`parties/party-names.ts`: CLDR's name in French and Spanish). A template names it
 * `{party}` (bare: lists, titles) or in the form its place asks: `{party_the}` ("le Canada"), `{party_The}` (at the
 * start of a sentence), `{party_of}` ("du Canada", "del Canadá", "of the Netherlands"), `{party_to}` ("au Canada", "al
 * Canadá", "to the European Union"). English running text takes the article as well: "The United States of America
 * is a developing country" is wrong, "Canada is" right, so an English template names a party in a sentence with
 * `{party_the}`/`{party_The}`, never `{party}` (report-texts.spec checks it). `{party_n}` is the number its verb
 * takes (2 for a plural name in French and Spanish, else 1): `{party_n, plural, one {n’est pas Partie} other {ne sont
 * pas Parties}}`.
 */
export interface PartyParam {
  party: { code: string; name: string };
}

export type TextParam = string | number | Text | DateParam | NamesParam | PartyParam;

export const text = (key: ReportTextKey, params?: Record<string, TextParam>): Text =>
  params ? { key, params } : { key };

export const dateParam = (iso: string): DateParam => ({ date: iso });

/** "as of 2017-03-01", "au 1 mars 2017", "en mars 2017": the preposition follows the date's precision. */
export const asOfParam = (iso: string): Text =>
  text(iso.length === 10 ? 'value.asOfDay' : 'value.asOfPart', { date: dateParam(iso) });

export const partyParam = (p: { code: string; name: string }): PartyParam => ({
  party: { code: p.code, name: p.name },
});

/** "Canada (CAN)", the name in the language. */
export const partyWithCode = (p: { code: string; name: string }): Text =>
  text('value.partyWithCode', { name: partyParam(p), code: p.code });

export const namesParam = (
  names: (string | Text | PartyParam)[],
  max = 8,
  separator?: string,
): NamesParam => ({
  names,
  max,
  ...(separator === undefined ? {} : { separator }),
});

const isText = (p: TextParam): p is Text => typeof p === 'object' && 'key' in p;
const isDate = (p: TextParam): p is DateParam => typeof p === 'object' && 'date' in p;
const isParty = (p: TextParam): p is PartyParam => typeof p === 'object' && 'party' in p;

/**
 * A date as a sentence of the language writes it. English keeps ISO dates: its sentences are also the API's
 * (GraphQL's finding texts), which stay as they were; French and Spanish write "3 déc. 2026", "3 dic 2026", and a
 * date the sources give to the month only "mars 2017", "marzo de 2017".
 */
export function dateIn(lang: Language, iso: string): string {
  if (lang !== 'en' && /^\d{4}-\d{2}$/.test(iso))
    return monthFormat(lang).format(new Date(`${iso}-01T00:00:00Z`));
  if (lang === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return dateFormat(lang).format(new Date(`${iso}T00:00:00Z`));
}

/** A sentence in a language, its parameters first. */
export function say(lang: Language, t: Text): string {
  const params: Record<string, string | number> = {};
  for (const [name, p] of Object.entries(t.params ?? {})) {
    if (typeof p === 'string' || typeof p === 'number') params[name] = p;
    else if (isText(p)) params[name] = say(lang, p);
    else if (isDate(p)) params[name] = dateIn(lang, p.date);
    else if (isParty(p)) {
      for (const form of PARTY_FORMS)
        params[form === 'bare' ? name : `${name}_${form}`] = partyNameForm(
          lang,
          p.party.code,
          p.party.name,
          form,
        );
      // The number the verb takes: "Les États-Unis ne sont pas Parties", "Los Países Bajos no son Partes".
      params[`${name}_n`] = partyTakesPlural(lang, p.party.code) ? 2 : 1;
    } else params[name] = sayNames(lang, p);
  }
  return formatMessage(lang, REPORT_TEXTS[lang][t.key], params);
}

function sayNames(lang: Language, p: NamesParam): string {
  const items = p.names.map((n) =>
    typeof n === 'string'
      ? n
      : isParty(n)
        ? partyNameForm(lang, n.party.code, n.party.name, p.form ?? 'bare')
        : say(lang, n),
  );
  const max = p.max ?? 8;
  const separator = p.separator ?? ', ';
  if (!max || items.length <= max) return items.join(separator);
  return say(
    lang,
    text('list.more', { list: items.slice(0, max).join(separator), count: items.length - max }),
  );
}

/** A report's notes: the English strings GraphQL has always given, and the same before a language (`noteTexts`). */
export const notesOf = (noteTexts: Text[]) => ({ notes: noteTexts.map((n) => say('en', n)), noteTexts });

/**
 * A report with its notes in `lang` (English: as computed, the API's stable texts): what GraphQL's `language`
 * changes in the trends, the comparison and the flows, whose other fields are codes, numbers and the catalogue's
 * names.
 */
export const notesIn = <R extends { notes: string[]; noteTexts: Text[] }>(lang: Language, report: R): R =>
  lang === 'en' ? report : { ...report, notes: report.noteTexts.map((n) => say(lang, n)) };

/**
 * The words of the reports' kinds and sections ("trends-agreement-type", "groups") to their keys: a file's name and
 * a report's kind are in the report's language ("tendances-type-accord-...-groupes-...csv"; until 7 December 2026
 * only the first word was, "tendances-year-du-2000-groups-...").
 */
const FILE_WORDS: ReadonlyMap<string, ReportTextKey> = new Map<string, ReportTextKey>([
  ['agreement-type', 'filename.agreementType'],
  ...(
    [
      'coherence',
      'comparison',
      'trends',
      'flows',
      'year',
      'region',
      'party',
      'scores',
      'findings',
      'evidence',
      'agreements',
      'trend',
      'rules',
      'matrix',
      'heatmap',
      'provisions',
      'pairs',
      'volume',
      'shares',
      'groups',
      'counts',
    ] as const
  ).map((word): [string, ReportTextKey] => [word, `filename.${word}`]),
]);

/**
 * A document's kind or a section's id in the language, for what a person reads (the HTML's "Report: …", the files'
 * names): each of its words translated ("tendances-annee", "coherencia-chl", "flux"), two-word ones first
 * ("agreement-type"); what is none of FILE_WORDS (a party's code) is an identifier and stays.
 */
export function kindIn(lang: Language, kind: string): string {
  const words = kind.split('-');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = FILE_WORDS.get(`${words[i]}-${words[i + 1]}`);
    const key = pair ?? FILE_WORDS.get(words[i]);
    if (pair) i++;
    out.push(key ? say(lang, text(key)) : words[i]);
  }
  return out.join('-');
}

/** The words of provision keys we name ("protocol", "side-letter", "cultural-cooperation") to their keys. */
const KEY_WORDS: ReadonlyMap<string, ReportTextKey> = new Map(
  (Object.keys(EN) as ReportTextKey[])
    .filter((key) => key.startsWith('keyword.'))
    .map((key): [string, ReportTextKey] => [key.slice('keyword.'.length), key]),
);
const LONGEST_KEY_WORD = Math.max(...[...KEY_WORDS.keys()].map((k) => k.split('-').length));

/**
 * A part of a provision key in words, in the language ("protocol-iii-cultural-cooperation": "protocol III cultural
 * cooperation", "protocole III coopération culturelle", "protocolo III cooperación cultural"): the key's words are
 * ours, not the agreement's (its headings stay as written), so those of KEY_WORDS are translated, longest first; a
 * roman numeral is upper case; any other word stays as the key writes it, a prefix keeping its hyphen
 * ("co-production", "non-discrimination"). Until 7 December 2026 French and Spanish labels read "Protocol III
 * cultural cooperation".
 */
export function keyPartIn(lang: Language, part: string): string {
  const words = part.split('-').filter(Boolean);
  const out: string[] = [];
  let untranslated: string[] = [];
  const flush = () => {
    if (untranslated.length) out.push(keyWordsAsWritten(untranslated.join('-')));
    untranslated = [];
  };
  for (let i = 0; i < words.length;) {
    let found = 0;
    for (let n = Math.min(LONGEST_KEY_WORD, words.length - i); n > 0 && !found; n--)
      if (KEY_WORDS.has(words.slice(i, i + n).join('-'))) found = n;
    if (found) {
      flush();
      out.push(say(lang, text(KEY_WORDS.get(words.slice(i, i + found).join('-'))!)));
      i += found;
    } else {
      untranslated.push(words[i]);
      i++;
    }
  }
  flush();
  return out.join(' ');
}

/** A translator of the report texts for one language: `t('coh.title', { party })`. */
export type ReportTranslate = (key: ReportTextKey, params?: Record<string, TextParam>) => string;

export const reportTranslator = cache(
  (lang): ReportTranslate =>
    (key, params) =>
      say(lang, text(key, params)),
);

/** A share as the language writes it: "25.0%", "25,0 %", "25,0 %". */
export const percentIn = (lang: Language, fraction: number, decimals = 1): string =>
  lang === 'en'
    ? `${(fraction * 100).toFixed(decimals)}%`
    : new Intl.NumberFormat(lang, {
        style: 'percent',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }).format(fraction);

/** A whole number as the language writes it. */
export const numberIn = (lang: Language, n: number): string => numberFormat(lang).format(n);

/** What the catalogue holds of an agreement, as a sentence (the record's `summary` is its English). */
export function recordText(record: {
  coverage: RecordCoverage;
  parts: RecordPart[];
  provisions: number;
  /**
   * Parts not held in full of which some provisions are held (`recordCompleteness`). Required: a record read
   * without it (the agreement page asked `record { coverage parts provisions }`) said "not held: protocols" of a
   * part whose provisions the same page listed.
   */
  partial: RecordPart[];
}): Text {
  const parts = (list: RecordPart[]): NamesParam =>
    namesParam(
      list.map((p) => text(`part.${p}`)),
      0,
    );
  if (record.coverage === RecordCoverage.FULL_TEXT) {
    const partial = record.partial;
    const missing = Object.values(RecordPart).filter(
      (p) => !record.parts.includes(p) && !partial.includes(p),
    );
    if (partial.length)
      return text('record.FULL_TEXT_PARTIAL', {
        parts: parts(record.parts),
        count: record.provisions,
        partial: parts(partial),
        missing: missing.length ? parts(missing) : text('record.nothing'),
      });
    return text('record.FULL_TEXT', {
      parts: parts(record.parts),
      count: record.provisions,
      missing: missing.length ? parts(missing) : text('record.nothing'),
    });
  }
  if (record.coverage === RecordCoverage.EXCERPTS)
    return text('record.EXCERPTS', { count: record.provisions });
  return text('record.METADATA_ONLY');
}
