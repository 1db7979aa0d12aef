/**
 * Interface text in English, French and Spanish. The texts of the agreements stay in their own language;
 * taxonomy codes and pinpoints are identifiers and are not translated (the codes' names are: CODE_NAMES).
 * `{name}` marks a parameter.
 */
const EN = {
  'site.name': 'Clause Tracker',
  'site.tagline':
    'Trade agreements, their cultural clauses, e-commerce provisions and references to the 2005 UNESCO Convention',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.search': 'Search',
  'nav.agreements': 'Agreements',
  'nav.parties': 'Parties',
  'nav.compare': 'Compare',
  'nav.trends': 'Trends',
  'nav.flows': 'Flows',
  'nav.draft': 'Draft check',
  'nav.review': 'Review',
  'nav.api': 'API',
  skip: 'Skip to content',
  'lang.label': 'Language',
  'lang.apply': 'Apply',
  'footer.api': 'Everything on these pages comes from the GraphQL API at {url}.',
  'common.search': 'Search',
  'common.apply': 'Apply filters',
  'common.clear': 'Clear filters',
  'common.next': 'Next page',
  'common.first': 'First page',
  'common.downloads': 'Downloads',
  'common.none': 'None.',
  'common.unknown': 'unknown',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.source': 'source',
  'common.sources': 'Sources',
  'common.results': '{count, plural, one {# result} other {# results}}',
  'common.copy': 'Copy',
  'common.copied': 'Copied to the clipboard.',
  'common.print': 'Print',
  'common.includeProposed': 'Count proposed annotations too (not only accepted)',
  'common.from': 'Signed from (year)',
  'common.to': 'Signed to (year)',
  'common.codes': 'Taxonomy codes',
  'common.allCodes': 'all codes',
  'common.agreement': 'Agreement',
  'common.article': 'Article',
  'common.signed': 'Signed',
  'agreement.archived': 'Archived by an editor on {date}: left out of the lists and search.',
  'common.inForce': 'In force',
  'common.status': 'Status',
  'common.parties': 'Parties',
  'common.type': 'Type',
  'common.code': 'Code',
  'common.bindingForce': 'Binding force',
  'common.language': 'Language',
  'common.location': 'Location',
  'common.party': 'Party',
  'common.year': 'Year',
  'common.score': 'Score',
  'common.similarity': 'Similarity',
  'common.evidence': 'Evidence',
  'common.any': 'any',
  'common.citation': 'Citation',
  'common.cite': 'Cite this page',
  'home.title': 'Explore trade agreements and their cultural clauses',
  'home.searchLabel': 'Search the texts of the agreements',
  'home.searchHint':
    'Words must all match; "exact phrase", prefix*, OR, NOT or -word, parentheses. Accents and case are ignored.',
  'home.holds': 'What the catalogue holds',
  'home.agreements': 'agreements',
  'home.provisions': 'provisions (articles, preambles, annexes)',
  'home.accepted': 'annotations reviewed and accepted',
  'home.proposed': 'annotations awaiting review',
  'home.years': 'years of signature covered',
  'home.completeness': 'How complete the records are',
  'home.dated':
    '{count} of {total, plural, one {# agreement} other {# agreements}} {count, plural, one {has} other {have}} a signature date',
  'home.annotated':
    '{count} of {total, plural, one {# agreement} other {# agreements}} {count, plural, one {has} other {have}} at least one annotation, {accepted} an annotation accepted by a reviewer',
  'home.entry': 'Where to start',
  'home.negotiator': 'Trade negotiators',
  'home.negotiatorText': 'Find precedent clauses: who wrote this first, who copied it, in which words.',
  'home.negotiatorLink': 'Search the clauses',
  'home.negotiatorExample': 'Example: cultural industries exemptions',
  'home.ministry': 'Culture ministries',
  'home.ministryText': "Check your country's agreements against the 2005 Convention, with the evidence.",
  'home.ministryLabel': 'Country or bloc (name or code)',
  'home.ministryGo': 'Open the party page',
  'home.analyst': 'Analysts',
  'home.analystText':
    'Compare agreements, follow trends by year or region, see who grants preferences to whom.',
  'home.analystCompare': 'Compare agreements',
  'home.analystTrends': 'Trends over time',
  'home.analystFlows': 'Preferential-treatment flows',
  'home.reviewer': 'Reviewers: the review queue',
  'search.title': 'Search the clauses',
  'search.titleQuery': 'Search: {q}',
  'search.query': 'Words or phrase',
  'search.filters': 'Filters',
  'search.facets': 'Refine',
  'search.facetCodes': 'Annotation code',
  'search.facetYears': 'Year of signature',
  'search.facetParties': 'Party',
  'search.facetTypes': 'Agreement type',
  'search.remove': 'Remove filter {value}',
  'search.active': 'Active filters',
  'search.noQuery': 'Type words to search the texts, summaries and titles of every provision.',
  'search.noHits': 'No provision matches. Try fewer words, a prefix* or OR.',
  'search.hits':
    '{count, plural, =0 {No provision matches} one {# provision matches} other {# provisions match}}',
  'search.ranked':
    'The ranking covers the first {count} hits in catalogue order: add words or filters to rank them all.',
  'search.csv': 'Download these results (CSV, up to 1,000 rows)',
  'search.bindingForce': 'Binding force',
  'agreements.title': 'Agreements',
  'agreements.titleContains': 'Title contains',
  'agreements.sort': 'Sort by',
  'agreements.direction': 'Order',
  'agreements.asc': 'ascending',
  'agreements.desc': 'descending',
  'agreements.compareSelected': 'Compare the selected agreements',
  'agreements.select': 'Select {title} for comparison',
  'agreements.csv': 'These agreements (CSV)',
  'agreements.json': 'These agreements (JSON)',
  'agreements.count': '{count, plural, one {# agreement} other {# agreements}}',
  'agreements.pendingCount':
    '{count, plural, one {# of them has} other {# of them have}} the code only in annotations awaiting review',
  'agreements.pendingOnly': 'the code only in annotations awaiting review',
  'agreement.facts': 'Facts',
  'agreement.kind': 'Kind',
  'agreement.types': 'Types',
  'agreement.provisional': 'Provisionally applied',
  'agreement.terminated': 'Terminated',
  'agreement.externalIds': 'Identifiers',
  'agreement.factSources': 'Where the facts come from',
  'agreement.fact': 'Fact',
  'agreement.completeness': 'Record completeness',
  'agreement.parties': 'Parties',
  'agreement.joined': 'Joined',
  'agreement.withdrawn': 'Withdrawn',
  'agreement.signatoryOnly': 'signatory only: does not apply the agreement',
  'agreement.role': 'Role',
  'agreement.viaBloc': 'through {bloc}',
  'agreement.members': 'Members of {bloc} are parties through it.',
  'agreement.toc': 'Contents',
  'agreement.tocHint': 'Provisions in order, with their annotations (code, status, binding force).',
  'agreement.onlyAnnotated': 'Only annotated provisions',
  'agreement.allProvisions': 'All provisions',
  'agreement.related': 'Related agreements',
  'agreement.compareWith': 'Compare with another agreement (words of its title, or its identifier)',
  'agreement.compare': 'Compare',
  'agreement.json': 'The record (JSON)',
  'agreement.csv': 'Provisions and annotations (CSV)',
  'agreement.moreProvisions': 'Next provisions',
  'agreement.provisionsCount': '{count, plural, one {# provision} other {# provisions}}',
  'complete.dateSigned': 'signature date',
  'complete.dateInForce': 'entry into force',
  'complete.parties': 'parties',
  'complete.sources': 'official source',
  'complete.factSources': 'sources of facts',
  'complete.texts': 'texts of the provisions',
  'complete.annotations': 'annotations',
  'complete.summary': '{have} of {total, plural, one {# item} other {# items}} recorded',
  'complete.missing': 'missing: {items}',
  'provision.text': 'Text',
  'provision.summary': 'Summary',
  'provision.noText': 'We hold no text for this provision, only the summary.',
  'provision.annotations': 'Annotations',
  'provision.origin': 'Origin',
  'provision.history': 'History',
  'provision.reviewed': 'Reviewed by {who} on {when}',
  'provision.reason': 'Reason: {reason}',
  'provision.rule': 'Rule {rule}',
  'provision.note': 'Note',
  'provision.review': 'Review',
  'provision.detail': 'Detail',
  'history.create': 'created, {status}',
  'history.accepted': 'accepted',
  'history.rejected': 'rejected',
  'history.edited': 'edited: {fields}',
  'history.backToReview': 'sent back to review',
  'history.withdraw': 'withdrawn',
  'history.propagate': 'proposed from the review of a near-identical clause',
  'history.contradict': 'contradicted by the rejection of a near-identical clause',
  'history.field.code': 'code',
  'history.field.detail': 'detail',
  'history.field.bindingForce': 'binding force',
  'history.field.evidence': 'evidence',
  'history.field.note': 'note',
  'history.field.partyScope': 'parties covered',
  'history.field.confidence': 'confidence',
  'provision.similar': 'Similar clauses',
  'provision.similarNone': 'No other provision shares at least {share} of its wording with this one.',
  'provision.indexBuilding':
    'Similar clauses and the clause family are not ready yet: the server started a moment ago and is still comparing the texts of the catalogue (about a minute).',
  'provision.indexReload': 'Reload this page to see them',
  'provision.family': 'Clause family',
  'provision.familyHint':
    'Clauses that share text with this one, by date of signature; the probable template is marked (where this clause’s line of earlier sources begins, usually the first). Where we hold no text of an article, its summary is what is compared.',
  'provision.familyNone':
    'This provision has no family (its text is too short to compare, or no other text shares it).',
  'provision.template': 'template',
  'provision.this': 'this provision',
  'provision.closestTo': 'closest to {source}: {percent} similar',
  'provision.templateSimilarity': '{percent} similar to the template',
  'provision.diff': 'Side by side: this provision and {other}',
  'provision.diffWith': 'Compare side by side',
  'provision.changedWords': 'Words changed from its source',
  'provision.deleted': 'only here',
  'provision.inserted': 'only in the other',
  'provision.wordsUnchanged': '{percent} of the words unchanged',
  'provision.chapter': 'Chapter {number}',
  'provision.section': 'Section {number}',
  'parties.title': 'Parties',
  'parties.find': 'Find a country or bloc',
  'parties.none': 'No party matches "{q}".',
  'parties.perPage': '{total, plural, one {# party} other {# parties}}, 100 a page',
  'party.facts': 'Facts',
  'party.kind': 'Kind',
  'party.notBinding': 'not binding {party} on {date}',
  'party.bindingDatesUnknown': 'joined or left by {party} on a date no source gives',
  'party.territoryOf': 'territory of {state}, not a party itself',
  'party.region': 'Region',
  'party.income': 'Income group (World Bank)',
  'party.developing': 'Developing country (taxonomy)',
  'party.flags': 'LDC / LLDC / SIDS',
  'party.convention': 'Status under the 2005 Convention',
  'party.conventionInForce': 'in force for it since {date}',
  'party.memberOf': 'Member of',
  'party.members': 'Members',
  'party.agreements': 'Agreements over time',
  'party.agreementsChart': 'Agreements signed per year',
  'party.coherence': 'Coherence with the 2005 Convention',
  'party.scores': 'Score per paragraph of the Operational Guidelines',
  'party.met':
    '{met} of {assessed, plural, one {# assessed agreement} other {# assessed agreements}} {met, plural, one {meets} other {meet}} it',
  'party.pending': '{pending} awaiting review, not in the score',
  'party.findings': 'Findings',
  'party.outcomes': 'Checks by outcome',
  'party.rule': 'Rule',
  'party.severity': 'Severity',
  'party.paragraph': 'Paragraph',
  'party.finding': 'Finding',
  'party.outcome': 'Outcome',
  'party.absence': 'Absent: {what}',
  'party.whyAndCheck': 'Why it matters, what to check',
  'party.reportFiles': 'The coherence report as a file',
  'party.asOf': 'Applied on {date}',
  'party.noFindings': 'No finding: every assessed rule is met.',
  'compare.title': 'Compare agreements',
  'compare.agreements': 'Agreements (slugs, separated by commas)',
  'compare.hint': 'Or tick agreements in the list of agreements.',
  'compare.run': 'Compare',
  'compare.matrix': 'Matrix: agreements by taxonomy code',
  'compare.pick': 'Choose at least two agreements to compare.',
  'compare.developing': 'Developing parties',
  'compare.add': 'Add an agreement (words of its title, or its identifier)',
  'compare.choose': 'Several agreements match “{text}”: choose one.',
  'compare.more': 'And {count} more: add words to narrow the choice.',
  'compare.noMatch': 'No agreement has “{text}” in its title or as its identifier.',
  'trends.title': 'Trends',
  'trends.groupBy': 'Group by',
  'trends.chart': 'Share of agreements with each code',
  'trends.table': 'Agreements with each code',
  'trends.group': 'Group',
  'trends.agreements': 'Agreements',
  'flows.title': 'Preferential-treatment flows',
  'flows.intro':
    'Preferential treatment for culture, from developed granting parties to developing-country beneficiaries.',
  'flows.grantors': 'Granting parties (codes)',
  'flows.beneficiaries': 'Beneficiaries (codes)',
  'flows.mechanisms': 'Mechanisms',
  'flows.grantor': 'Grantor',
  'flows.beneficiary': 'Beneficiary',
  'flows.mechanism': 'Mechanism',
  'flows.mutual': 'Mutual',
  'flows.chart': 'Flows per grantor and beneficiary',
  'flows.none': 'No flow matches these filters.',
  'flows.count': '{count, plural, one {# flow} other {# flows}}',
  'flows.countPending': '{count, plural, one {# flow} other {# flows}} ({pending} more awaiting review)',
  'flows.pending': 'proposed, awaiting review',
  'trends.pending': '+ {count} awaiting review',
  'draft.title': 'Check a draft',
  'draft.languageOfWords': 'From the text',
  'draft.lang.en': 'English',
  'draft.lang.es': 'Spanish',
  'draft.lang.fr': 'French',
  'draft.languageContradicted':
    'The draft reads as {evident}, not {asked}: the rules would find nothing in it and report its clauses as missing. Choose {evident}, or “From the text”.',
  'draft.checkedIn': 'Language the draft was checked in: {language}',
  'draft.intro':
    'Paste a draft clause, chapter or agreement to see, article by article, which clauses of the catalogue it resembles, and what it lacks compared with the parties’ own agreements and the Convention’s guidelines. Nothing you paste is stored.',
  'draft.label': 'Draft text',
  'draft.run': 'Check the draft',
  'draft.download': 'Download the result (JSON)',
  'draft.answer': "The checker's answer",
  'draft.empty': 'Paste a draft first.',
  'draft.changedWords': 'Words the draft changes from this clause',
  'draft.familyFound': '{count, plural, one {# member} other {# members}} found (the search stops at {max})',
  'draft.earliestFound': 'the earliest of them',
  'draft.familyAlone': 'no other member found',
  'draft.words': '{count, plural, one {# word} other {# words}}',
  'draft.noPrecedent': 'No clause of the catalogue is {percent} similar or more.',
  'draft.gap.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT':
    'The draft has e-commerce provisions but no cultural carve-out or cultural exemption',
  'draft.gap.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION':
    'The draft has services or investment provisions but no audiovisual exclusion or cultural exemption',
  'draft.gap.NO_CONVENTION_REFERENCE':
    'The draft refers neither to the 2005 Convention nor to the diversity of cultural expressions',
  'draft.gap.PARTY_PRACTICE': '{what}, while the parties’ own agreements carry one ({record}).',
  'draft.gap.CONVENTION':
    '{what}; none of the parties’ agreements in scope carries one ({record}), but the Convention’s Operational Guidelines expect it.',
  'draft.gap.noRecord':
    '{what}; the parties have no agreements in scope to compare with ({parties}), but the Convention’s Operational Guidelines expect it.',
  'draft.gap.record': '{party} {carrying} of {agreements}',
  'draft.gap.unreviewed': '{count} of them on annotations not yet reviewed',
  'draft.gap.partial': '{count} of the others held only in part',
  'draft.gap.PARTY_PRACTICE_UNREVIEWED':
    '{what}, while the parties’ own agreements appear to carry one ({record}).',
  'draft.gap.CONVENTION_PARTIAL':
    '{what}; none of the parties’ agreements in scope carries one as far as the catalogue holds their text ({record}), but the Convention’s Operational Guidelines expect it.',
  'draft.scope.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT':
    'the party’s agreements with e-commerce provisions signed in the last {years, plural, one {year} other {# years}} of its record',
  'draft.scope.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION':
    'the party’s agreements signed in the last {years, plural, one {year} other {# years}} of its record',
  'draft.scope.NO_CONVENTION_REFERENCE':
    'the party’s agreements signed since the Convention entered into force for it (where that date is not recorded, since {since}, when the Convention entered into force)',
  'review.title': 'Review queue',
  'review.signIn': 'Sign in with an API key',
  'review.keyLabel': 'API key (role REVIEWER or above)',
  'review.keyHint':
    'The key is kept only for this browser tab (sessionStorage) and sent only to this server.',
  'review.signInButton': 'Sign in',
  'review.signOut': 'Sign out',
  'review.signedInAs': 'Signed in as {name} ({role})',
  'review.needsReviewer': 'This key has the role {role}: reviewing needs {roles}.',
  'review.progress': 'Your progress',
  'review.progressText':
    'You have reviewed {mine, plural, one {# annotation} other {# annotations}}; {left, plural, one {# proposal is} other {# proposals are}} waiting.',
  'review.empty': 'No proposed annotation is waiting for review.',
  'review.accept': 'Accept',
  'review.reject': 'Reject',
  'review.reason': 'Reason (required to reject)',
  'review.shortcuts':
    'Keyboard: j / k next and previous proposal, a accept, r reject (type the reason first).',
  'review.accepted': 'Accepted annotation {id} ({code} at {pinpoint}).',
  'review.rejected': 'Rejected annotation {id} ({code} at {pinpoint}).',
  'review.conflict':
    'Someone else reviewed annotation {id} first: it is now {status}{by}. Your decision was not saved.',
  'review.conflictBy': ' by {who}',
  'review.reasonRequired': 'A reason is required to reject.',
  'review.filterAgreement': 'Only this agreement (slug)',
  'review.proposedBy': 'Proposed by {who}',
  'review.byRules': 'the annotation rules',
  'review.copiedFrom': 'Proposed because a reviewer accepted this code on a near-identical clause:',
  'review.contradicted': 'A reviewer rejected this code on a near-identical clause:',
  'error.title': 'Something is wrong with this address',
  'error.serverTitle': 'The fault is ours, not the address’s',
  'error.notFound': 'Not found',
  'error.badRequest': 'Bad request',
  'error.forbidden': 'Not allowed',
  'error.unauthenticated': 'An API key is needed',
  'error.tooMany': 'Too many requests',
  'error.tooManyTitle': 'You have asked for too many pages in a short time',
  'error.tooManyText':
    'Please wait {seconds, plural, one {# second} other {# seconds}} (until {at} UTC), then reload the page.',
  'error.unavailable': 'Temporarily unavailable',
  'error.internal': 'Unexpected error',
  'error.internalText': 'The server could not build this page. The error has been logged.',
  'error.back': 'Go to the home page',
  'error.noPage': 'There is no page at {path}. Check the address, or start from the home page or a search.',
  'error.undecodable':
    'The address {path} holds percent-encoded bytes that are not UTF-8 text (such as %FF). Check the address.',
  'error.badYear': '{name} must be a year between {min} and {max} (got "{value}")',
  'error.badValue': '{name}: "{value}" is not one of {allowed}',
  'error.yearsReversed': 'to: {to} is before from ({from})',
  'error.badPinpoint': '"{value}" is not a pinpoint (agreement slug / provision key, e.g. ceta/art-7.7)',
  'cite.signed': 'signed {date}',
  'cite.accessed': 'accessed {date}',
  'cite.article': 'Article {number}',
  'error.tooLong': '{name} is too long (at most {max} characters)',
  'error.notFoundAgreement': 'The catalogue holds no agreement "{key}".',
  'error.notFoundParty': 'The catalogue holds no party "{key}".',
  'error.notFoundProvision': 'The catalogue holds no provision "{key}".',
  'error.notFoundAnnotation': 'The catalogue holds no annotation "{key}".',
  'error.noParty': 'no party "{code}" (party codes are ISO 3166 alpha-3, or EUN for the European Union)',
  'common.notes': 'Notes',
  'chart.noData': 'no data',
  'chart.lines':
    'Line chart: {value} by {category}, {count, plural, one {# series} other {# series}}; the figures are in the table.',
  'chart.heatmap': 'Heatmap: {value} by {category} and code, darker for more; the figures are in the table.',
  'chart.bars':
    'Bar chart: {value} by {category}, {count, plural, one {# bar} other {# bars}}; the figures are in the table.',
  'record.FULL_TEXT':
    'Full text of the {parts} ({count, plural, one {# provision} other {# provisions}}); not held: {missing}.',
  'record.EXCERPTS':
    'Only {count, plural, one {# selected provision} other {# selected provisions}}: what the record lacks may be in the parts not held.',
  'record.METADATA_ONLY': 'No provisions held: only the facts of the agreement.',
  'record.nothing': 'nothing',
  'part.MAIN_TEXT': 'main text',
  'part.ANNEXES': 'annexes',
  'part.SCHEDULES': 'schedules of commitments and reservations',
  'part.PROTOCOLS': 'protocols',
  'part.SIDE_LETTERS': 'side letters',
  'error.tooManyNames': '{name}: at most {max} names (codes are not counted)',
  'error.partyUnknown':
    'party: no party is named "{value}" (type a name or an ISO 3166 alpha-3 code, e.g. CAN)',
  'error.partyAmbiguous':
    'party: "{value}" names several parties: {matches}. Type one of these names or its code.',
} as const;

export type MessageKey = keyof typeof EN;
export type Messages = Record<MessageKey, string>;

const FR: Messages = {
  'site.name': 'Clause Tracker',
  'site.tagline':
    'Les accords commerciaux, leurs clauses culturelles, leurs dispositions sur le commerce électronique et leurs références à la Convention de l’UNESCO de 2005',
  'nav.label': 'Navigation principale',
  'nav.home': 'Accueil',
  'nav.search': 'Recherche',
  'nav.agreements': 'Accords',
  'nav.parties': 'Parties',
  'nav.compare': 'Comparer',
  'nav.trends': 'Tendances',
  'nav.flows': 'Flux',
  'nav.draft': 'Vérifier un projet',
  'nav.review': 'Relecture',
  'nav.api': 'API',
  skip: 'Aller au contenu',
  'lang.label': 'Langue',
  'lang.apply': 'Appliquer',
  'footer.api': 'Tout ce qui figure sur ces pages vient de l’API GraphQL à l’adresse {url}.',
  'common.search': 'Rechercher',
  'common.apply': 'Appliquer les filtres',
  'common.clear': 'Effacer les filtres',
  'common.next': 'Page suivante',
  'common.first': 'Première page',
  'common.downloads': 'Téléchargements',
  'common.none': 'Aucun.',
  'common.unknown': 'inconnu',
  'common.yes': 'oui',
  'common.no': 'non',
  'common.source': 'source',
  'common.sources': 'Sources',
  'common.results': '{count, plural, one {# résultat} other {# résultats}}',
  'common.copy': 'Copier',
  'common.copied': 'Copié dans le presse-papiers.',
  'common.print': 'Imprimer',
  'common.includeProposed': 'Compter aussi les annotations proposées (pas seulement acceptées)',
  'common.from': 'Signé à partir de (année)',
  'common.to': 'Signé jusqu’à (année)',
  'common.codes': 'Codes de la taxonomie',
  'common.allCodes': 'tous les codes',
  'common.agreement': 'Accord',
  'common.article': 'Article',
  'common.signed': 'Signature',
  'agreement.archived': 'Archivé par un éditeur le {date} : absent des listes et de la recherche.',
  'common.inForce': 'Entrée en vigueur',
  'common.status': 'Statut',
  'common.parties': 'Parties',
  'common.type': 'Type',
  'common.code': 'Code',
  'common.bindingForce': 'Force obligatoire',
  'common.language': 'Langue',
  'common.location': 'Emplacement',
  'common.party': 'Partie',
  'common.year': 'Année',
  'common.score': 'Score',
  'common.similarity': 'Similarité',
  'common.evidence': 'Preuve',
  'common.any': 'tous',
  'common.citation': 'Citation',
  'common.cite': 'Citer cette page',
  'home.title': 'Explorer les accords commerciaux et leurs clauses culturelles',
  'home.searchLabel': 'Rechercher dans les textes des accords',
  'home.searchHint':
    'Tous les mots doivent figurer ; "expression exacte", préfixe*, OR, NOT ou -mot, parenthèses. Accents et casse ignorés.',
  'home.holds': 'Ce que contient le catalogue',
  'home.agreements': 'accords',
  'home.provisions': 'dispositions (articles, préambules, annexes)',
  'home.accepted': 'annotations relues et acceptées',
  'home.proposed': 'annotations en attente de relecture',
  'home.years': 'années de signature couvertes',
  'home.completeness': 'Complétude des fiches',
  'home.dated':
    '{count, plural, one {# accord} other {# accords}} sur {total} {count, plural, one {a} other {ont}} une date de signature',
  'home.annotated':
    '{count, plural, one {# accord} other {# accords}} sur {total} {count, plural, one {a} other {ont}} au moins une annotation, {accepted} une annotation acceptée en relecture',
  'home.entry': 'Par où commencer',
  'home.negotiator': 'Négociateurs commerciaux',
  'home.negotiatorText':
    'Trouver des clauses précédentes : qui l’a écrite en premier, qui l’a reprise, en quels termes.',
  'home.negotiatorLink': 'Rechercher les clauses',
  'home.negotiatorExample': 'Exemple : exemptions des industries culturelles',
  'home.ministry': 'Ministères de la culture',
  'home.ministryText':
    'Vérifier les accords de votre pays au regard de la Convention de 2005, preuves à l’appui.',
  'home.ministryLabel': 'Pays ou bloc (nom ou code)',
  'home.ministryGo': 'Ouvrir la page de la partie',
  'home.analyst': 'Analystes',
  'home.analystText':
    'Comparer des accords, suivre les tendances par année ou région, voir qui accorde des préférences à qui.',
  'home.analystCompare': 'Comparer des accords',
  'home.analystTrends': 'Tendances dans le temps',
  'home.analystFlows': 'Flux de traitement préférentiel',
  'home.reviewer': 'Relecteurs : la file de relecture',
  'search.title': 'Rechercher les clauses',
  'search.titleQuery': 'Recherche : {q}',
  'search.query': 'Mots ou expression',
  'search.filters': 'Filtres',
  'search.facets': 'Affiner',
  'search.facetCodes': 'Code d’annotation',
  'search.facetYears': 'Année de signature',
  'search.facetParties': 'Partie',
  'search.facetTypes': 'Type d’accord',
  'search.remove': 'Retirer le filtre {value}',
  'search.active': 'Filtres actifs',
  'search.noQuery':
    'Saisissez des mots pour chercher dans les textes, résumés et titres de toutes les dispositions.',
  'search.noHits': 'Aucune disposition ne correspond. Essayez moins de mots, un préfixe* ou OR.',
  'search.hits':
    '{count, plural, =0 {Aucune disposition ne correspond} one {# disposition correspond} other {# dispositions correspondent}}',
  'search.ranked':
    'Le classement porte sur les {count} premiers résultats dans l’ordre du catalogue : ajoutez des mots ou des filtres pour tout classer.',
  'search.csv': 'Télécharger ces résultats (CSV, jusqu’à 1 000 lignes)',
  'search.bindingForce': 'Force obligatoire',
  'agreements.title': 'Accords',
  'agreements.titleContains': 'Le titre contient',
  'agreements.sort': 'Trier par',
  'agreements.direction': 'Ordre',
  'agreements.asc': 'croissant',
  'agreements.desc': 'décroissant',
  'agreements.compareSelected': 'Comparer les accords sélectionnés',
  'agreements.select': 'Sélectionner {title} pour la comparaison',
  'agreements.csv': 'Ces accords (CSV)',
  'agreements.json': 'Ces accords (JSON)',
  'agreements.count': '{count, plural, one {# accord} other {# accords}}',
  'agreements.pendingCount':
    '{count, plural, one {# d’entre eux n’a} other {# d’entre eux n’ont}} le code que dans des annotations en attente de relecture',
  'agreements.pendingOnly': 'le code seulement dans des annotations en attente de relecture',
  'agreement.facts': 'Faits',
  'agreement.kind': 'Nature',
  'agreement.types': 'Types',
  'agreement.provisional': 'Application provisoire',
  'agreement.terminated': 'Fin',
  'agreement.externalIds': 'Identifiants',
  'agreement.factSources': 'D’où viennent les faits',
  'agreement.fact': 'Fait',
  'agreement.completeness': 'Complétude de la fiche',
  'agreement.parties': 'Parties',
  'agreement.joined': 'Adhésion',
  'agreement.withdrawn': 'Retrait',
  'agreement.signatoryOnly': 'signataire seulement : n’applique pas l’accord',
  'agreement.role': 'Rôle',
  'agreement.viaBloc': 'par l’intermédiaire de {bloc}',
  'agreement.members': '{bloc} : ses membres y sont parties par l’intermédiaire du bloc.',
  'agreement.toc': 'Table des matières',
  'agreement.tocHint':
    'Les dispositions dans l’ordre, avec leurs annotations (code, statut, force obligatoire).',
  'agreement.onlyAnnotated': 'Seulement les dispositions annotées',
  'agreement.allProvisions': 'Toutes les dispositions',
  'agreement.related': 'Accords liés',
  'agreement.compareWith': 'Comparer avec un autre accord (mots de son titre, ou son identifiant)',
  'agreement.compare': 'Comparer',
  'agreement.json': 'La fiche (JSON)',
  'agreement.csv': 'Dispositions et annotations (CSV)',
  'agreement.moreProvisions': 'Dispositions suivantes',
  'agreement.provisionsCount': '{count, plural, one {# disposition} other {# dispositions}}',
  'complete.dateSigned': 'date de signature',
  'complete.dateInForce': 'entrée en vigueur',
  'complete.parties': 'parties',
  'complete.sources': 'source officielle',
  'complete.factSources': 'sources des faits',
  'complete.texts': 'textes des dispositions',
  'complete.annotations': 'annotations',
  'complete.summary':
    '{have, plural, one {# élément} other {# éléments}} sur {total} {have, plural, one {renseigné} other {renseignés}}',
  'complete.missing': 'manque : {items}',
  'provision.text': 'Texte',
  'provision.summary': 'Résumé',
  'provision.noText': 'Nous n’avons pas le texte de cette disposition, seulement son résumé.',
  'provision.annotations': 'Annotations',
  'provision.origin': 'Origine',
  'provision.history': 'Historique',
  'provision.reviewed': 'Relue par {who} le {when}',
  'provision.reason': 'Motif : {reason}',
  'provision.rule': 'Règle {rule}',
  'provision.note': 'Note',
  'provision.review': 'Relecture',
  'provision.detail': 'Précision',
  'history.create': 'créée, {status}',
  'history.accepted': 'acceptée',
  'history.rejected': 'rejetée',
  'history.edited': 'modifiée : {fields}',
  'history.backToReview': 'renvoyée en relecture',
  'history.withdraw': 'retirée',
  'history.propagate': 'proposée d’après la relecture d’une clause quasi identique',
  'history.contradict': 'contredite par le rejet d’une clause quasi identique',
  'history.field.code': 'code',
  'history.field.detail': 'précision',
  'history.field.bindingForce': 'force obligatoire',
  'history.field.evidence': 'preuve',
  'history.field.note': 'note',
  'history.field.partyScope': 'parties visées',
  'history.field.confidence': 'confiance',
  'provision.similar': 'Clauses similaires',
  'provision.similarNone': 'Aucune autre disposition ne partage au moins {share} de sa formulation.',
  'provision.indexBuilding':
    'Les clauses similaires et la famille de clauses ne sont pas encore prêtes : le serveur vient de démarrer et compare encore les textes du catalogue (environ une minute).',
  'provision.indexReload': 'Recharger la page pour les voir',
  'provision.family': 'Famille de clauses',
  'provision.familyHint':
    'Les clauses qui partagent du texte avec celle-ci, par date de signature ; le modèle probable est signalé (là où commence la lignée des sources de cette clause, le plus souvent la première). Quand nous n’avons pas le texte d’un article, c’est son résumé qui est comparé.',
  'provision.familyNone':
    'Cette disposition n’a pas de famille (texte trop court pour comparer, ou aucun autre texte ne le partage).',
  'provision.template': 'modèle',
  'provision.this': 'cette disposition',
  'provision.closestTo': 'la plus proche de {source} : similarité {percent}',
  'provision.templateSimilarity': 'similarité avec le modèle {percent}',
  'provision.diff': 'Côte à côte : cette disposition et {other}',
  'provision.diffWith': 'Comparer côte à côte',
  'provision.changedWords': 'Mots changés par rapport à sa source',
  'provision.deleted': 'seulement ici',
  'provision.inserted': 'seulement dans l’autre',
  'provision.wordsUnchanged': '{percent} des mots inchangés',
  'provision.chapter': 'Chapitre {number}',
  'provision.section': 'Section {number}',
  'parties.title': 'Parties',
  'parties.find': 'Trouver un pays ou un bloc',
  'parties.none': 'Aucune partie ne correspond à « {q} ».',
  'parties.perPage': '{total, plural, one {# partie} other {# parties}}, 100 par page',
  'party.facts': 'Faits',
  'party.kind': 'Nature',
  'party.notBinding': 'ne lie pas {party} au {date}',
  'party.bindingDatesUnknown': 'adhésion ou retrait de {party} à une date qu’aucune source ne donne',
  'party.territoryOf': 'territoire de {state}, non partie en son nom propre',
  'party.region': 'Région',
  'party.income': 'Groupe de revenu (Banque mondiale)',
  'party.developing': 'Pays en développement (taxonomie)',
  'party.flags': 'PMA / PDSL / PEID',
  'party.convention': 'Statut au regard de la Convention de 2005',
  'party.conventionInForce': 'en vigueur pour elle depuis le {date}',
  'party.memberOf': 'Membre de',
  'party.members': 'Membres',
  'party.agreements': 'Les accords dans le temps',
  'party.agreementsChart': 'Accords signés par année',
  'party.coherence': 'Cohérence avec la Convention de 2005',
  'party.scores': 'Score par paragraphe des Directives opérationnelles',
  'party.met':
    '{met, plural, one {# accord évalué} other {# accords évalués}} sur {assessed} {met, plural, one {y satisfait} other {y satisfont}}',
  'party.pending': '{pending} en attente de relecture, hors du score',
  'party.findings': 'Constats',
  'party.outcomes': 'Vérifications par résultat',
  'party.rule': 'Règle',
  'party.severity': 'Gravité',
  'party.paragraph': 'Paragraphe',
  'party.finding': 'Constat',
  'party.outcome': 'Résultat',
  'party.absence': 'Absent : {what}',
  'party.whyAndCheck': 'Pourquoi cela compte, que vérifier',
  'party.reportFiles': 'Le rapport de cohérence en fichier',
  'party.asOf': 'Appliqué au {date}',
  'party.noFindings': 'Aucun constat : toutes les règles évaluées sont respectées.',
  'compare.title': 'Comparer des accords',
  'compare.agreements': 'Accords (identifiants séparés par des virgules)',
  'compare.hint': 'Ou cochez des accords dans la liste des accords.',
  'compare.run': 'Comparer',
  'compare.matrix': 'Matrice : accords par code de la taxonomie',
  'compare.pick': 'Choisissez au moins deux accords à comparer.',
  'compare.developing': 'Parties en développement',
  'compare.add': 'Ajouter un accord (mots de son titre, ou son identifiant)',
  'compare.choose': 'Plusieurs accords correspondent à « {text} » : choisissez-en un.',
  'compare.more':
    'Et {count, plural, one {# autre} other {# autres}} : ajoutez des mots pour affiner le choix.',
  'compare.noMatch': 'Aucun accord n’a « {text} » dans son titre ni pour identifiant.',
  'trends.title': 'Tendances',
  'trends.groupBy': 'Regrouper par',
  'trends.chart': 'Part des accords ayant chaque code',
  'trends.table': 'Accords ayant chaque code',
  'trends.group': 'Groupe',
  'trends.agreements': 'Accords',
  'flows.title': 'Flux de traitement préférentiel',
  'flows.intro':
    'Le traitement préférentiel pour la culture, des parties développées qui l’accordent aux pays en développement qui en bénéficient.',
  'flows.grantors': 'Parties qui accordent (codes)',
  'flows.beneficiaries': 'Bénéficiaires (codes)',
  'flows.mechanisms': 'Mécanismes',
  'flows.grantor': 'Partie qui accorde',
  'flows.beneficiary': 'Bénéficiaire',
  'flows.mechanism': 'Mécanisme',
  'flows.mutual': 'Réciproque',
  'flows.chart': 'Flux par partie et bénéficiaire',
  'flows.none': 'Aucun flux ne correspond à ces filtres.',
  'flows.count': '{count} flux',
  'flows.countPending': '{count} flux ({pending} de plus en attente de relecture)',
  'flows.pending': 'proposé, en attente de relecture',
  'trends.pending': '+ {count} en attente de relecture',
  'draft.title': 'Vérifier un projet',
  'draft.languageOfWords': 'D’après le texte',
  'draft.lang.en': 'anglais',
  'draft.lang.es': 'espagnol',
  'draft.lang.fr': 'français',
  'draft.languageContradicted':
    'Le projet est rédigé en {evident}, pas en {asked} : les règles n’y trouveraient rien et le diraient dépourvu de ses clauses. Choisissez {evident}, ou « D’après le texte ».',
  'draft.checkedIn': 'Langue dans laquelle le projet a été vérifié : {language}',
  'draft.intro':
    'Collez un projet de clause, de chapitre ou d’accord pour voir, article par article, à quelles clauses du catalogue il ressemble, et ce qui lui manque au regard des accords des parties et des orientations de la Convention. Rien de ce que vous collez n’est conservé.',
  'draft.label': 'Texte du projet',
  'draft.run': 'Vérifier le projet',
  'draft.download': 'Télécharger le résultat (JSON)',
  'draft.answer': 'La réponse du vérificateur',
  'draft.empty': 'Collez d’abord un projet.',
  'draft.changedWords': 'Mots que le projet change par rapport à cette clause',
  'draft.familyFound':
    '{count, plural, one {# membre trouvé} other {# membres trouvés}} (la recherche s’arrête à {max})',
  'draft.earliestFound': 'le plus ancien d’entre eux',
  'draft.familyAlone': 'aucun autre membre trouvé',
  'draft.words': '{count, plural, one {# mot} other {# mots}}',
  'draft.noPrecedent': 'Aucune clause du catalogue n’est similaire à {percent} ou plus.',
  'draft.gap.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT':
    'Le projet contient des dispositions sur le commerce électronique mais aucune exclusion ni exemption culturelle',
  'draft.gap.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION':
    'Le projet contient des dispositions sur les services ou l’investissement mais aucune exclusion de l’audiovisuel ni exemption culturelle',
  'draft.gap.NO_CONVENTION_REFERENCE':
    'Le projet ne mentionne ni la Convention de 2005 ni la diversité des expressions culturelles',
  'draft.gap.PARTY_PRACTICE': '{what}, alors que les accords des parties en comportent une ({record}).',
  'draft.gap.CONVENTION':
    '{what} ; aucun des accords des parties pris en compte n’en comporte ({record}), mais les directives opérationnelles de la Convention l’attendent.',
  'draft.gap.noRecord':
    '{what} ; les parties n’ont aucun accord à comparer ({parties}), mais les directives opérationnelles de la Convention l’attendent.',
  'draft.gap.record': '{party} {carrying} sur {agreements}',
  'draft.gap.unreviewed':
    '{count, plural, one {# d’entre eux repose} other {# d’entre eux reposent}} sur des annotations pas encore relues',
  'draft.gap.partial':
    '{count, plural, one {# des autres n’est détenu} other {# des autres ne sont détenus}} qu’en partie par le catalogue',
  'draft.gap.PARTY_PRACTICE_UNREVIEWED':
    '{what}, alors que les accords des parties semblent en comporter une ({record}).',
  'draft.gap.CONVENTION_PARTIAL':
    '{what} ; aucun des accords des parties pris en compte n’en comporte, pour ce que le catalogue en détient ({record}), mais les directives opérationnelles de la Convention l’attendent.',
  'draft.scope.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT':
    'les accords de la partie comportant des dispositions sur le commerce électronique signés {years, plural, one {durant la dernière année} other {dans les # dernières années}} de son historique',
  'draft.scope.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION':
    'les accords de la partie signés {years, plural, one {durant la dernière année} other {dans les # dernières années}} de son historique',
  'draft.scope.NO_CONVENTION_REFERENCE':
    'les accords de la partie signés depuis l’entrée en vigueur de la Convention à son égard (si cette date n’est pas connue, depuis le {since}, date d’entrée en vigueur de la Convention)',
  'review.title': 'File de relecture',
  'review.signIn': 'Se connecter avec une clé d’API',
  'review.keyLabel': 'Clé d’API (rôle REVIEWER ou supérieur)',
  'review.keyHint':
    'La clé n’est gardée que pour cet onglet (sessionStorage) et n’est envoyée qu’à ce serveur.',
  'review.signInButton': 'Se connecter',
  'review.signOut': 'Se déconnecter',
  'review.signedInAs': 'Connecté en tant que {name} ({role})',
  'review.needsReviewer': 'Cette clé a le rôle {role} : relire demande {roles}.',
  'review.progress': 'Votre avancement',
  'review.progressText':
    'Vous avez relu {mine, plural, one {# annotation} other {# annotations}} ; {left, plural, one {# proposition attend} other {# propositions attendent}}.',
  'review.empty': 'Aucune annotation proposée n’attend de relecture.',
  'review.accept': 'Accepter',
  'review.reject': 'Rejeter',
  'review.reason': 'Motif (obligatoire pour rejeter)',
  'review.shortcuts':
    'Clavier : j / k proposition suivante et précédente, a accepter, r rejeter (saisir d’abord le motif).',
  'review.accepted': 'Annotation {id} acceptée ({code} à {pinpoint}).',
  'review.rejected': 'Annotation {id} rejetée ({code} à {pinpoint}).',
  'review.conflict':
    'Quelqu’un d’autre a relu l’annotation {id} avant vous : elle est maintenant {status}{by}. Votre décision n’a pas été enregistrée.',
  'review.conflictBy': ' par {who}',
  'review.reasonRequired': 'Un motif est obligatoire pour rejeter.',
  'review.filterAgreement': 'Seulement cet accord (identifiant)',
  'review.proposedBy': 'Proposée par {who}',
  'review.byRules': 'les règles d’annotation',
  'review.copiedFrom': 'Proposée parce qu’un relecteur a accepté ce code sur une clause presque identique :',
  'review.contradicted': 'Un relecteur a rejeté ce code sur une clause presque identique :',
  'error.title': 'Cette adresse pose un problème',
  'error.serverTitle': 'L’erreur vient du serveur, pas de l’adresse',
  'error.notFound': 'Introuvable',
  'error.badRequest': 'Requête incorrecte',
  'error.forbidden': 'Non autorisé',
  'error.unauthenticated': 'Une clé d’API est nécessaire',
  'error.tooMany': 'Trop de requêtes',
  'error.tooManyTitle': 'Vous avez demandé trop de pages en peu de temps',
  'error.tooManyText':
    'Veuillez attendre {seconds, plural, one {# seconde} other {# secondes}} (jusqu’à {at} UTC), puis recharger la page.',
  'error.unavailable': 'Momentanément indisponible',
  'error.internal': 'Erreur inattendue',
  'error.internalText': 'Le serveur n’a pas pu construire cette page. L’erreur a été consignée.',
  'error.back': 'Aller à la page d’accueil',
  'error.noPage':
    'Il n’y a pas de page à l’adresse {path}. Vérifiez l’adresse, ou partez de la page d’accueil ou d’une recherche.',
  'error.undecodable':
    'L’adresse {path} contient des octets encodés en pourcentage qui ne sont pas du texte UTF-8 (comme %FF). Vérifiez l’adresse.',
  'error.badYear': 'le paramètre « {name} » doit être une année entre {min} et {max} (reçu « {value} »)',
  'error.badValue': 'paramètre « {name} » : « {value} » ne fait pas partie de {allowed}',
  'error.yearsReversed': 'to : {to} est avant from ({from})',
  'error.badPinpoint':
    '« {value} » n’est pas une référence (identifiant d’accord / clé de disposition, par ex. ceta/art-7.7)',
  'cite.signed': 'signé le {date}',
  'cite.accessed': 'consulté le {date}',
  'cite.article': 'article {number}',
  'error.tooLong': 'le paramètre « {name} » est trop long (au plus {max} caractères)',
  'error.notFoundAgreement': 'Le catalogue ne contient aucun accord « {key} ».',
  'error.notFoundParty': 'Le catalogue ne contient aucune partie « {key} ».',
  'error.notFoundProvision': 'Le catalogue ne contient aucune disposition « {key} ».',
  'error.notFoundAnnotation': 'Le catalogue ne contient aucune annotation « {key} ».',
  'error.noParty':
    'aucune partie « {code} » (les codes des parties sont ISO 3166 alpha-3, ou EUN pour l’Union européenne)',
  'common.notes': 'Notes',
  'chart.noData': 'aucune donnée',
  'chart.lines':
    'Graphique linéaire : {value} par {category}, {count, plural, one {# série} other {# séries}} ; les chiffres sont dans le tableau.',
  'chart.heatmap':
    'Carte de chaleur : {value} par {category} et par code, plus foncée quand la part est plus grande ; les chiffres sont dans le tableau.',
  'chart.bars':
    'Diagramme en barres : {value} par {category}, {count, plural, one {# barre} other {# barres}} ; les chiffres sont dans le tableau.',
  'record.FULL_TEXT':
    'Texte intégral : {parts} ({count, plural, one {# disposition} other {# dispositions}}) ; non détenu : {missing}.',
  'record.EXCERPTS':
    'Seulement {count, plural, one {# disposition choisie} other {# dispositions choisies}} : ce qui manque à la fiche peut se trouver dans les parties non détenues.',
  'record.METADATA_ONLY': 'Aucune disposition détenue : seulement les faits de l’accord.',
  'record.nothing': 'rien',
  'part.MAIN_TEXT': 'texte principal',
  'part.ANNEXES': 'annexes',
  'part.SCHEDULES': 'listes d’engagements et de réserves',
  'part.PROTOCOLS': 'protocoles',
  'part.SIDE_LETTERS': 'lettres d’accompagnement',
  'error.tooManyNames': 'paramètre « {name} » : au plus {max} noms (les codes ne comptent pas)',
  'error.partyUnknown':
    'partie : aucune partie ne s’appelle « {value} » (saisissez un nom ou un code ISO 3166 alpha-3, par ex. CAN)',
  'error.partyAmbiguous':
    'partie : « {value} » désigne plusieurs parties : {matches}. Saisissez l’un de ces noms ou son code.',
};

const ES: Messages = {
  'site.name': 'Clause Tracker',
  'site.tagline':
    'Los acuerdos comerciales, sus cláusulas culturales, sus disposiciones sobre comercio electrónico y sus referencias a la Convención de la UNESCO de 2005',
  'nav.label': 'Navegación principal',
  'nav.home': 'Inicio',
  'nav.search': 'Búsqueda',
  'nav.agreements': 'Acuerdos',
  'nav.parties': 'Partes',
  'nav.compare': 'Comparar',
  'nav.trends': 'Tendencias',
  'nav.flows': 'Flujos',
  'nav.draft': 'Revisar un borrador',
  'nav.review': 'Revisión',
  'nav.api': 'API',
  skip: 'Ir al contenido',
  'lang.label': 'Idioma',
  'lang.apply': 'Aplicar',
  'footer.api': 'Todo lo que muestran estas páginas procede de la API GraphQL en {url}.',
  'common.search': 'Buscar',
  'common.apply': 'Aplicar los filtros',
  'common.clear': 'Borrar los filtros',
  'common.next': 'Página siguiente',
  'common.first': 'Primera página',
  'common.downloads': 'Descargas',
  'common.none': 'Ninguno.',
  'common.unknown': 'desconocido',
  'common.yes': 'sí',
  'common.no': 'no',
  'common.source': 'fuente',
  'common.sources': 'Fuentes',
  'common.results': '{count, plural, one {# resultado} other {# resultados}}',
  'common.copy': 'Copiar',
  'common.copied': 'Copiado al portapapeles.',
  'common.print': 'Imprimir',
  'common.includeProposed': 'Contar también las anotaciones propuestas (no solo las aceptadas)',
  'common.from': 'Firmado desde (año)',
  'common.to': 'Firmado hasta (año)',
  'common.codes': 'Códigos de la taxonomía',
  'common.allCodes': 'todos los códigos',
  'common.agreement': 'Acuerdo',
  'common.article': 'Artículo',
  'common.signed': 'Firma',
  'agreement.archived': 'Archivado por un editor el {date}: fuera de las listas y de la búsqueda.',
  'common.inForce': 'Entrada en vigor',
  'common.status': 'Estado',
  'common.parties': 'Partes',
  'common.type': 'Tipo',
  'common.code': 'Código',
  'common.bindingForce': 'Fuerza vinculante',
  'common.language': 'Idioma',
  'common.location': 'Ubicación',
  'common.party': 'Parte',
  'common.year': 'Año',
  'common.score': 'Puntuación',
  'common.similarity': 'Similitud',
  'common.evidence': 'Evidencia',
  'common.any': 'cualquiera',
  'common.citation': 'Cita',
  'common.cite': 'Citar esta página',
  'home.title': 'Explorar los acuerdos comerciales y sus cláusulas culturales',
  'home.searchLabel': 'Buscar en los textos de los acuerdos',
  'home.searchHint':
    'Todas las palabras deben aparecer; "frase exacta", prefijo*, OR, NOT o -palabra, paréntesis. Se ignoran acentos y mayúsculas.',
  'home.holds': 'Qué contiene el catálogo',
  'home.agreements': 'acuerdos',
  'home.provisions': 'disposiciones (artículos, preámbulos, anexos)',
  'home.accepted': 'anotaciones revisadas y aceptadas',
  'home.proposed': 'anotaciones pendientes de revisión',
  'home.years': 'años de firma cubiertos',
  'home.completeness': 'Qué tan completas están las fichas',
  'home.dated':
    '{count} de {total, plural, one {# acuerdo} other {# acuerdos}} {count, plural, one {tiene} other {tienen}} fecha de firma',
  'home.annotated':
    '{count} de {total, plural, one {# acuerdo} other {# acuerdos}} {count, plural, one {tiene} other {tienen}} al menos una anotación, {accepted} una anotación aceptada en revisión',
  'home.entry': 'Por dónde empezar',
  'home.negotiator': 'Negociadores comerciales',
  'home.negotiatorText':
    'Encontrar cláusulas precedentes: quién la escribió primero, quién la copió, con qué palabras.',
  'home.negotiatorLink': 'Buscar las cláusulas',
  'home.negotiatorExample': 'Ejemplo: exenciones de las industrias culturales',
  'home.ministry': 'Ministerios de cultura',
  'home.ministryText': 'Comprobar los acuerdos de su país frente a la Convención de 2005, con la evidencia.',
  'home.ministryLabel': 'País o bloque (nombre o código)',
  'home.ministryGo': 'Abrir la página de la parte',
  'home.analyst': 'Analistas',
  'home.analystText':
    'Comparar acuerdos, seguir tendencias por año o región, ver quién concede preferencias a quién.',
  'home.analystCompare': 'Comparar acuerdos',
  'home.analystTrends': 'Tendencias en el tiempo',
  'home.analystFlows': 'Flujos de trato preferencial',
  'home.reviewer': 'Revisores: la cola de revisión',
  'search.title': 'Buscar las cláusulas',
  'search.titleQuery': 'Búsqueda: {q}',
  'search.query': 'Palabras o frase',
  'search.filters': 'Filtros',
  'search.facets': 'Afinar',
  'search.facetCodes': 'Código de anotación',
  'search.facetYears': 'Año de firma',
  'search.facetParties': 'Parte',
  'search.facetTypes': 'Tipo de acuerdo',
  'search.remove': 'Quitar el filtro {value}',
  'search.active': 'Filtros activos',
  'search.noQuery':
    'Escriba palabras para buscar en los textos, resúmenes y títulos de todas las disposiciones.',
  'search.noHits': 'Ninguna disposición coincide. Pruebe con menos palabras, un prefijo* u OR.',
  'search.hits':
    '{count, plural, =0 {Ninguna disposición coincide} one {# disposición coincide} other {# disposiciones coinciden}}',
  'search.ranked':
    'La clasificación cubre los primeros {count} resultados en el orden del catálogo: añada palabras o filtros para clasificarlos todos.',
  'search.csv': 'Descargar estos resultados (CSV, hasta 1.000 filas)',
  'search.bindingForce': 'Fuerza vinculante',
  'agreements.title': 'Acuerdos',
  'agreements.titleContains': 'El título contiene',
  'agreements.sort': 'Ordenar por',
  'agreements.direction': 'Orden',
  'agreements.asc': 'ascendente',
  'agreements.desc': 'descendente',
  'agreements.compareSelected': 'Comparar los acuerdos seleccionados',
  'agreements.select': 'Seleccionar {title} para comparar',
  'agreements.csv': 'Estos acuerdos (CSV)',
  'agreements.json': 'Estos acuerdos (JSON)',
  'agreements.count': '{count, plural, one {# acuerdo} other {# acuerdos}}',
  'agreements.pendingCount':
    '{count, plural, one {# de ellos solo tiene} other {# de ellos solo tienen}} el código en anotaciones pendientes de revisión',
  'agreements.pendingOnly': 'el código solo en anotaciones pendientes de revisión',
  'agreement.facts': 'Datos',
  'agreement.kind': 'Clase',
  'agreement.types': 'Tipos',
  'agreement.provisional': 'Aplicación provisional',
  'agreement.terminated': 'Terminación',
  'agreement.externalIds': 'Identificadores',
  'agreement.factSources': 'De dónde vienen los datos',
  'agreement.fact': 'Dato',
  'agreement.completeness': 'Completitud de la ficha',
  'agreement.parties': 'Partes',
  'agreement.joined': 'Adhesión',
  'agreement.withdrawn': 'Retiro',
  'agreement.signatoryOnly': 'solo signatario: no aplica el acuerdo',
  'agreement.role': 'Papel',
  'agreement.viaBloc': 'a través de {bloc}',
  'agreement.members': '{bloc}: sus miembros son partes a través del bloque.',
  'agreement.toc': 'Índice',
  'agreement.tocHint': 'Las disposiciones en orden, con sus anotaciones (código, estado, fuerza vinculante).',
  'agreement.onlyAnnotated': 'Solo las disposiciones anotadas',
  'agreement.allProvisions': 'Todas las disposiciones',
  'agreement.related': 'Acuerdos relacionados',
  'agreement.compareWith': 'Comparar con otro acuerdo (palabras de su título, o su identificador)',
  'agreement.compare': 'Comparar',
  'agreement.json': 'La ficha (JSON)',
  'agreement.csv': 'Disposiciones y anotaciones (CSV)',
  'agreement.moreProvisions': 'Disposiciones siguientes',
  'agreement.provisionsCount': '{count, plural, one {# disposición} other {# disposiciones}}',
  'complete.dateSigned': 'fecha de firma',
  'complete.dateInForce': 'entrada en vigor',
  'complete.parties': 'partes',
  'complete.sources': 'fuente oficial',
  'complete.factSources': 'fuentes de los datos',
  'complete.texts': 'textos de las disposiciones',
  'complete.annotations': 'anotaciones',
  'complete.summary':
    '{have} de {total, plural, one {# elemento registrado} other {# elementos registrados}}',
  'complete.missing': 'falta: {items}',
  'provision.text': 'Texto',
  'provision.summary': 'Resumen',
  'provision.noText': 'No tenemos el texto de esta disposición, solo el resumen.',
  'provision.annotations': 'Anotaciones',
  'provision.origin': 'Origen',
  'provision.history': 'Historial',
  'provision.reviewed': 'Revisada por {who} el {when}',
  'provision.reason': 'Motivo: {reason}',
  'provision.rule': 'Regla {rule}',
  'provision.note': 'Nota',
  'provision.review': 'Revisión',
  'provision.detail': 'Detalle',
  'history.create': 'creada, {status}',
  'history.accepted': 'aceptada',
  'history.rejected': 'rechazada',
  'history.edited': 'modificada: {fields}',
  'history.backToReview': 'devuelta a revisión',
  'history.withdraw': 'retirada',
  'history.propagate': 'propuesta a partir de la revisión de una cláusula casi idéntica',
  'history.contradict': 'contradicha por el rechazo de una cláusula casi idéntica',
  'history.field.code': 'código',
  'history.field.detail': 'detalle',
  'history.field.bindingForce': 'fuerza vinculante',
  'history.field.evidence': 'prueba',
  'history.field.note': 'nota',
  'history.field.partyScope': 'partes cubiertas',
  'history.field.confidence': 'confianza',
  'provision.similar': 'Cláusulas similares',
  'provision.similarNone': 'Ninguna otra disposición comparte al menos el {share} de su redacción.',
  'provision.indexBuilding':
    'Las cláusulas similares y la familia de cláusulas aún no están listas: el servidor acaba de arrancar y sigue comparando los textos del catálogo (alrededor de un minuto).',
  'provision.indexReload': 'Recargar la página para verlas',
  'provision.family': 'Familia de cláusulas',
  'provision.familyHint':
    'Las cláusulas que comparten texto con esta, por fecha de firma; el modelo probable está señalado (donde empieza la línea de fuentes de esta cláusula, casi siempre la primera). Cuando no tenemos el texto de un artículo, se compara su resumen.',
  'provision.familyNone':
    'Esta disposición no tiene familia (texto demasiado corto para comparar, o ningún otro texto lo comparte).',
  'provision.template': 'modelo',
  'provision.this': 'esta disposición',
  'provision.closestTo': 'la más cercana a {source}: similitud {percent}',
  'provision.templateSimilarity': 'similitud con el modelo {percent}',
  'provision.diff': 'Lado a lado: esta disposición y {other}',
  'provision.diffWith': 'Comparar lado a lado',
  'provision.changedWords': 'Palabras cambiadas respecto de su fuente',
  'provision.deleted': 'solo aquí',
  'provision.inserted': 'solo en la otra',
  'provision.wordsUnchanged': '{percent} de las palabras sin cambios',
  'provision.chapter': 'Capítulo {number}',
  'provision.section': 'Sección {number}',
  'parties.title': 'Partes',
  'parties.find': 'Buscar un país o bloque',
  'parties.none': 'Ninguna parte coincide con «{q}».',
  'parties.perPage': '{total, plural, one {# parte} other {# partes}}, 100 por página',
  'party.facts': 'Datos',
  'party.kind': 'Clase',
  'party.notBinding': 'no vincula a {party} el {date}',
  'party.bindingDatesUnknown': 'adhesión o retiro de {party} en una fecha que ninguna fuente indica',
  'party.territoryOf': 'territorio de {state}, no es parte por sí mismo',
  'party.region': 'Región',
  'party.income': 'Grupo de ingresos (Banco Mundial)',
  'party.developing': 'País en desarrollo (taxonomía)',
  'party.flags': 'PMA / PDSL / PEID',
  'party.convention': 'Situación respecto de la Convención de 2005',
  'party.conventionInForce': 'en vigor para ella desde el {date}',
  'party.memberOf': 'Miembro de',
  'party.members': 'Miembros',
  'party.agreements': 'Los acuerdos en el tiempo',
  'party.agreementsChart': 'Acuerdos firmados por año',
  'party.coherence': 'Coherencia con la Convención de 2005',
  'party.scores': 'Puntuación por párrafo de las Directrices operativas',
  'party.met':
    '{met} de {assessed, plural, one {# acuerdo evaluado} other {# acuerdos evaluados}} lo {met, plural, one {cumple} other {cumplen}}',
  'party.pending':
    '{pending, plural, one {# pendiente} other {# pendientes}} de revisión, fuera de la puntuación',
  'party.findings': 'Hallazgos',
  'party.outcomes': 'Comprobaciones por resultado',
  'party.rule': 'Regla',
  'party.severity': 'Gravedad',
  'party.paragraph': 'Párrafo',
  'party.finding': 'Hallazgo',
  'party.outcome': 'Resultado',
  'party.absence': 'Ausente: {what}',
  'party.whyAndCheck': 'Por qué importa, qué verificar',
  'party.reportFiles': 'El informe de coherencia como archivo',
  'party.asOf': 'Aplicado al {date}',
  'party.noFindings': 'Ningún hallazgo: se cumplen todas las reglas evaluadas.',
  'compare.title': 'Comparar acuerdos',
  'compare.agreements': 'Acuerdos (identificadores separados por comas)',
  'compare.hint': 'O marque acuerdos en la lista de acuerdos.',
  'compare.run': 'Comparar',
  'compare.matrix': 'Matriz: acuerdos por código de la taxonomía',
  'compare.pick': 'Elija al menos dos acuerdos para comparar.',
  'compare.developing': 'Partes en desarrollo',
  'compare.add': 'Añadir un acuerdo (palabras de su título, o su identificador)',
  'compare.choose': 'Varios acuerdos corresponden a «{text}»: elija uno.',
  'compare.more': 'Y {count} más: añada palabras para afinar la elección.',
  'compare.noMatch': 'Ningún acuerdo tiene «{text}» en su título ni como identificador.',
  'trends.title': 'Tendencias',
  'trends.groupBy': 'Agrupar por',
  'trends.chart': 'Proporción de acuerdos con cada código',
  'trends.table': 'Acuerdos con cada código',
  'trends.group': 'Grupo',
  'trends.agreements': 'Acuerdos',
  'flows.title': 'Flujos de trato preferencial',
  'flows.intro':
    'El trato preferencial para la cultura, de las partes desarrolladas que lo conceden a los países en desarrollo beneficiarios.',
  'flows.grantors': 'Partes que conceden (códigos)',
  'flows.beneficiaries': 'Beneficiarios (códigos)',
  'flows.mechanisms': 'Mecanismos',
  'flows.grantor': 'Parte que concede',
  'flows.beneficiary': 'Beneficiario',
  'flows.mechanism': 'Mecanismo',
  'flows.mutual': 'Recíproco',
  'flows.chart': 'Flujos por parte y beneficiario',
  'flows.none': 'Ningún flujo coincide con estos filtros.',
  'flows.count': '{count, plural, one {# flujo} other {# flujos}}',
  'flows.countPending':
    '{count, plural, one {# flujo} other {# flujos}} ({pending} más {pending, plural, one {pendiente} other {pendientes}} de revisión)',
  'flows.pending': 'propuesto, pendiente de revisión',
  'trends.pending': '+ {count, plural, one {# pendiente} other {# pendientes}} de revisión',
  'draft.title': 'Revisar un borrador',
  'draft.languageOfWords': 'Según el texto',
  'draft.lang.en': 'inglés',
  'draft.lang.es': 'español',
  'draft.lang.fr': 'francés',
  'draft.languageContradicted':
    'El borrador está redactado en {evident}, no en {asked}: las reglas no encontrarían nada en él y lo darían por carente de sus cláusulas. Elija {evident}, o «Según el texto».',
  'draft.checkedIn': 'Idioma en que se revisó el borrador: {language}',
  'draft.intro':
    'Pegue un borrador de cláusula, capítulo o acuerdo para ver, artículo por artículo, a qué cláusulas del catálogo se parece y qué le falta frente a los acuerdos de las partes y las directrices de la Convención. Nada de lo que pegue se guarda.',
  'draft.label': 'Texto del borrador',
  'draft.run': 'Revisar el borrador',
  'draft.download': 'Descargar el resultado (JSON)',
  'draft.answer': 'La respuesta del verificador',
  'draft.empty': 'Pegue primero un borrador.',
  'draft.changedWords': 'Palabras que el borrador cambia respecto de esta cláusula',
  'draft.familyFound':
    '{count, plural, one {# miembro encontrado} other {# miembros encontrados}} (la búsqueda se detiene en {max})',
  'draft.earliestFound': 'el más antiguo de ellos',
  'draft.familyAlone': 'ningún otro miembro encontrado',
  'draft.words': '{count, plural, one {# palabra} other {# palabras}}',
  'draft.noPrecedent': 'Ninguna cláusula del catálogo es similar en un {percent} o más.',
  'draft.gap.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT':
    'El borrador tiene disposiciones sobre comercio electrónico pero ninguna exclusión ni excepción cultural',
  'draft.gap.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION':
    'El borrador tiene disposiciones sobre servicios o inversión pero ninguna exclusión audiovisual ni excepción cultural',
  'draft.gap.NO_CONVENTION_REFERENCE':
    'El borrador no menciona ni la Convención de 2005 ni la diversidad de las expresiones culturales',
  'draft.gap.PARTY_PRACTICE': '{what}, mientras que los acuerdos de las partes la incluyen ({record}).',
  'draft.gap.CONVENTION':
    '{what}; ninguno de los acuerdos considerados de las partes la incluye ({record}), pero las directrices operativas de la Convención la esperan.',
  'draft.gap.noRecord':
    '{what}; las partes no tienen acuerdos que comparar ({parties}), pero las directrices operativas de la Convención la esperan.',
  'draft.gap.record': '{party} {carrying} de {agreements}',
  'draft.gap.unreviewed': '{count} de ellos con anotaciones aún no revisadas',
  'draft.gap.partial': '{count} de los demás que el catálogo solo tiene en parte',
  'draft.gap.PARTY_PRACTICE_UNREVIEWED':
    '{what}, mientras que los acuerdos de las partes parecen incluirla ({record}).',
  'draft.gap.CONVENTION_PARTIAL':
    '{what}; ninguno de los acuerdos considerados de las partes la incluye, en lo que el catálogo tiene de ellos ({record}), pero las directrices operativas de la Convención la esperan.',
  'draft.scope.ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT':
    'los acuerdos de la parte con disposiciones sobre comercio electrónico firmados {years, plural, one {en el último año} other {en los últimos # años}} de su historial',
  'draft.scope.SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION':
    'los acuerdos de la parte firmados {years, plural, one {en el último año} other {en los últimos # años}} de su historial',
  'draft.scope.NO_CONVENTION_REFERENCE':
    'los acuerdos de la parte firmados desde que la Convención entró en vigor para ella (si esa fecha no consta, desde el {since}, fecha de entrada en vigor de la Convención)',
  'review.title': 'Cola de revisión',
  'review.signIn': 'Iniciar sesión con una clave de API',
  'review.keyLabel': 'Clave de API (rol REVIEWER o superior)',
  'review.keyHint':
    'La clave se guarda solo para esta pestaña (sessionStorage) y solo se envía a este servidor.',
  'review.signInButton': 'Iniciar sesión',
  'review.signOut': 'Cerrar sesión',
  'review.signedInAs': 'Sesión de {name} ({role})',
  'review.needsReviewer': 'Esta clave tiene el rol {role}: revisar requiere {roles}.',
  'review.progress': 'Su avance',
  'review.progressText':
    'Ha revisado {mine, plural, one {# anotación} other {# anotaciones}}; {left, plural, one {# propuesta espera} other {# propuestas esperan}}.',
  'review.empty': 'Ninguna anotación propuesta espera revisión.',
  'review.accept': 'Aceptar',
  'review.reject': 'Rechazar',
  'review.reason': 'Motivo (obligatorio para rechazar)',
  'review.shortcuts':
    'Teclado: j / k propuesta siguiente y anterior, a aceptar, r rechazar (escriba antes el motivo).',
  'review.accepted': 'Anotación {id} aceptada ({code} en {pinpoint}).',
  'review.rejected': 'Anotación {id} rechazada ({code} en {pinpoint}).',
  'review.conflict':
    'Otra persona revisó la anotación {id} antes: ahora está {status}{by}. Su decisión no se guardó.',
  'review.conflictBy': ' por {who}',
  'review.reasonRequired': 'Se requiere un motivo para rechazar.',
  'review.filterAgreement': 'Solo este acuerdo (identificador)',
  'review.proposedBy': 'Propuesta por {who}',
  'review.byRules': 'las reglas de anotación',
  'review.copiedFrom': 'Propuesta porque un revisor aceptó este código en una cláusula casi idéntica:',
  'review.contradicted': 'Un revisor rechazó este código en una cláusula casi idéntica:',
  'error.title': 'Algo falla en esta dirección',
  'error.serverTitle': 'El fallo es del servidor, no de la dirección',
  'error.notFound': 'No encontrado',
  'error.badRequest': 'Solicitud incorrecta',
  'error.forbidden': 'No permitido',
  'error.unauthenticated': 'Se necesita una clave de API',
  'error.tooMany': 'Demasiadas solicitudes',
  'error.tooManyTitle': 'Ha pedido demasiadas páginas en poco tiempo',
  'error.tooManyText':
    'Espere {seconds, plural, one {# segundo} other {# segundos}} (hasta las {at} UTC) y vuelva a cargar la página.',
  'error.unavailable': 'No disponible por el momento',
  'error.internal': 'Error inesperado',
  'error.internalText': 'El servidor no pudo construir esta página. El error quedó registrado.',
  'error.back': 'Ir a la página de inicio',
  'error.noPage':
    'No hay ninguna página en {path}. Revise la dirección, o empiece por la página de inicio o una búsqueda.',
  'error.undecodable':
    'La dirección {path} contiene bytes codificados con porcentaje que no son texto UTF-8 (como %FF). Revise la dirección.',
  'error.badYear': 'el parámetro «{name}» debe ser un año entre {min} y {max} (se recibió «{value}»)',
  'error.badValue': 'parámetro «{name}»: «{value}» no es uno de {allowed}',
  'error.yearsReversed': 'to: {to} es anterior a from ({from})',
  'error.badPinpoint':
    '«{value}» no es una referencia (identificador del acuerdo / clave de la disposición, p. ej. ceta/art-7.7)',
  'cite.signed': 'firmado el {date}',
  'cite.accessed': 'consultado el {date}',
  'cite.article': 'artículo {number}',
  'error.tooLong': 'el parámetro «{name}» es demasiado largo (como máximo {max} caracteres)',
  'error.notFoundAgreement': 'El catálogo no contiene ningún acuerdo «{key}».',
  'error.notFoundParty': 'El catálogo no contiene ninguna parte «{key}».',
  'error.notFoundProvision': 'El catálogo no contiene ninguna disposición «{key}».',
  'error.notFoundAnnotation': 'El catálogo no contiene ninguna anotación «{key}».',
  'error.noParty':
    'ninguna parte «{code}» (los códigos de las partes son ISO 3166 alfa-3, o EUN para la Unión Europea)',
  'common.notes': 'Notas',
  'chart.noData': 'sin datos',
  'chart.lines':
    'Gráfico de líneas: {value} por {category}, {count, plural, one {# serie} other {# series}}; las cifras están en la tabla.',
  'chart.heatmap':
    'Mapa de calor: {value} por {category} y por código, más oscuro cuanto mayor es la proporción; las cifras están en la tabla.',
  'chart.bars':
    'Gráfico de barras: {value} por {category}, {count, plural, one {# barra} other {# barras}}; las cifras están en la tabla.',
  'record.FULL_TEXT':
    'Texto completo: {parts} ({count, plural, one {# disposición} other {# disposiciones}}); no se tiene: {missing}.',
  'record.EXCERPTS':
    'Solo {count, plural, one {# disposición seleccionada} other {# disposiciones seleccionadas}}: lo que falta en la ficha puede estar en las partes que no se tienen.',
  'record.METADATA_ONLY': 'No se tiene ninguna disposición: solo los datos del acuerdo.',
  'record.nothing': 'nada',
  'part.MAIN_TEXT': 'texto principal',
  'part.ANNEXES': 'anexos',
  'part.SCHEDULES': 'listas de compromisos y reservas',
  'part.PROTOCOLS': 'protocolos',
  'part.SIDE_LETTERS': 'cartas complementarias',
  'error.tooManyNames': 'parámetro «{name}»: como máximo {max} nombres (los códigos no cuentan)',
  'error.partyUnknown':
    'parte: ninguna parte se llama «{value}» (escriba un nombre o un código ISO 3166 alfa-3, p. ej. CAN)',
  'error.partyAmbiguous':
    'parte: «{value}» designa varias partes: {matches}. Escriba uno de estos nombres o su código.',
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

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };
export const MESSAGES: Record<Language, Messages> = { en: EN, fr: FR, es: ES };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The interface language: ?lang=, else the `lang` cookie, else the first supported Accept-Language. */
export function pickLanguage(query: unknown, cookie: unknown, acceptLanguage: string | undefined): Language {
  if (isLanguage(query)) return query;
  if (isLanguage(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLanguage) ?? 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The locale the interface formats numbers and dates in. */
const localeOf = (lang: Language): string => (lang === 'en' ? 'en-GB' : lang);

/** Formatters are costly to create (tens of microseconds each): one per language, made once. */
const cache = <T>(make: (lang: Language) => T): ((lang: Language) => T) => {
  const made = new Map<Language, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) made.set(lang, (value = make(lang)));
    return value;
  };
};

/** Whole numbers as the interface language writes them (1,234 · 1 234). */
export const numberFormat = cache((lang) => new Intl.NumberFormat(localeOf(lang)));

/** Dates as the interface language writes them (3 Dec 2026 · 3 déc. 2026), in UTC. */
export const dateFormat = cache(
  (lang) => new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'UTC' }),
);

/** Which plural form a number takes in the interface language (CLDR: French 0 and 1 are singular). */
export const pluralRules = cache((lang) => new Intl.PluralRules(localeOf(lang)));

/**
 * A message with its parameters: `{name}` is the value (a number written the language's way), and
 * `{name, plural, one {# agreement} other {# agreements}}` the form the number takes (`#` is the number; `=0`
 * picks an exact value first). Forms may hold other parameters.
 */
export function formatMessage(
  lang: Language,
  template: string,
  params: Record<string, string | number> | undefined,
): string {
  const numbers = numberFormat(lang);
  const value = (name: string): string | undefined => {
    const v = params?.[name];
    return v === undefined ? undefined : typeof v === 'number' ? numbers.format(v) : v;
  };
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    const inner = template.slice(open + 1, close);
    const plural = /^(\w+),\s*plural,\s*/.exec(inner);
    if (!plural) {
      out += /^\w+$/.test(inner)
        ? (value(inner) ?? template.slice(open, close + 1))
        : template.slice(open, close + 1);
    } else {
      const n = Number(params?.[plural[1]]);
      const forms = pluralForms(inner.slice(plural[0].length));
      const form = Number.isNaN(n)
        ? undefined
        : (forms.get(`=${n}`) ?? forms.get(pluralRules(lang).select(n)) ?? forms.get('other'));
      out +=
        form === undefined
          ? template.slice(open, close + 1)
          : formatMessage(lang, form.replace(/#/g, `{${plural[1]}}`), params);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  throw new Error(`unbalanced braces in message "${text}"`);
}

/** `one {…} other {…}` as a map from selector to form. */
function pluralForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const selector = /^\s*(=?\w+)\s*\{/.exec(text.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = matchingBrace(text, open);
    forms.set(selector[1], text.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}

export const translator = cache((lang): Translate => {
  const messages = MESSAGES[lang];
  return (key, params) => formatMessage(lang, messages[key], params);
});
