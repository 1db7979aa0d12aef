import { LANGUAGES, type Language } from '../common/i18n';
import { readPartyFixtures } from './party-fixtures';

/**
 * ISO 3166-1 alpha-3 to alpha-2 for the catalogue's parties (source: the corpus's countries/country-codes.csv,
 * columns ISO3166-1-Alpha-3 and ISO3166-1-Alpha-2; Kosovo's user-assigned RKS is XK, the European Union's EUN is
 * EU, as CLDR names them). Former states (ANT, YUG) have no alpha-2 and keep the catalogue's name.
 */
const ALPHA2: ReadonlyMap<string, string> = new Map(
  (
    'ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT ' +
    'AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO ' +
    'BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG ' +
    'COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO ' +
    'DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET EUNEU FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA ' +
    'GBRGB GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU ' +
    'GUYGY HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ' +
    'ITAIT JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR ' +
    'LBYLY LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX ' +
    'MHLMH MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT ' +
    'NAMNA NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN ' +
    'PERPE PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE RKSXK ROURO RUSRU ' +
    'RWARW SAUSA SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS ' +
    'STPST SURSR SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM ' +
    'TLSTL TONTO TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC ' +
    'VENVE VGBVG VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE ZAFZA ZMBZM ZWEZW'
  )
    .split(' ')
    .map((pair): [string, string] => [pair.slice(0, 3), pair.slice(3)]),
);

/** Region names from the runtime's CLDR data, one formatter per language. */
const displayNames = new Map<Language, Intl.DisplayNames>();
function regionNames(lang: Language): Intl.DisplayNames {
  let names = displayNames.get(lang);
  if (!names)
    displayNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })));
  return names;
}

/**
 * A party's name in the interface language: the catalogue's (English) name in English, CLDR's name of the country
 * or of the European Union in French and Spanish ("Allemagne", "Unión Europea"), the catalogue's name where CLDR
 * has none.
 */
export function partyNameIn(lang: Language, code: string, name: string): string {
  if (lang === 'en') return name;
  return cldrPartyName(lang, code) ?? name;
}

/** CLDR's name of a party (a country, or the European Union) in `lang`; undefined where CLDR has none (ANT, YUG). */
export function cldrPartyName(lang: Language, code: string): string | undefined {
  const alpha2 = ALPHA2.get(code);
  return (alpha2 && regionNames(lang).of(alpha2)) || undefined;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .trim()
    .toLowerCase();

/**
 * The names the WTO gives its members where they differ from the catalogue's and CLDR's, as the catalogue's own
 * agreement titles write them (ToTA's names are the WTO RTA cards': "Turkey - Syria", "EU - Czech Republic Europe
 * Agreement", "New Zealand - Chinese Taipei", "Korea, Republic of - Chile"): a visitor who reads "Turkey" in a title
 * and types it found no party ("No party matches", while the catalogue names it Türkiye). Folded as `fold` folds.
 */
const WTO_NAMES: ReadonlyMap<string, string> = new Map([
  ['turkey', 'TUR'],
  ['czech republic', 'CZE'],
  ['slovak republic', 'SVK'],
  ['kyrgyz republic', 'KGZ'],
  ['chinese taipei', 'TWN'],
  ['korea, republic of', 'KOR'],
  ['rep. of korea', 'KOR'],
  ['hong kong, china', 'HKG'],
  ['macao, china', 'MAC'],
  ['former yugoslav republic of macedonia', 'MKD'],
  ['moldova, republic of', 'MDA'],
  ['rep. of moldova', 'MDA'],
]);

/** ISO 3166-1's exceptionally reserved alpha-2 code that people type for a country: UK, the United Kingdom (GB). */
// "UE": the EU's abbreviation in French and Spanish (Union européenne, Unión Europea), assigned to no country.
const RESERVED_ALPHA2: Readonly<Record<string, string>> = { UK: 'GB', UE: 'EU' };

/**
 * A party's name as typed with the short forms officials write, in full: "St Kitts", "St. Lucia", "Ste-Lucie" are
 * "Saint Kitts", "Saint Lucia", "Sainte-Lucie" (no name in the catalogue is written with "St", so "St Kitts" found
 * nothing). The form's one reading of a typed name (`partiesPage`, `partyCodeByLocalName`).
 */
export const partyNameTyped = (typed: string): string =>
  typed.replace(/(?<![\p{L}])(st|ste)\.?(?=[\s-]+\p{L})/giu, (_, word: string) =>
    word.toLowerCase() === 'st' ? 'Saint' : 'Sainte',
  );

/**
 * The code of the party a visitor named by its two-letter code ("UK", "DE", "EU"), by its common name (CLDR's) or
 * the United Nations' name in English, French or Spanish, the page's language first ("Allemagne", "Perú", "union
 * européenne", "South Korea", "Vietnam", "République de Corée", "Estados Unidos de América"; accents, apostrophes
 * and case aside), or by the WTO's name in the catalogue's agreement titles in any language ("Turkey", "Czech
 * Republic"), or undefined: what a form looks up before the catalogue's English names (the UN's English short names),
 * whose substring search sent "UK" to Ukraine and found no "South Korea". Until 7 December 2026 the UN's French and
 * Spanish names ("Fédération de Russie", "República de Corea") named no party, and an English page took no French name.
 */
export function partyCodeByLocalName(lang: Language, typed: string): string | undefined {
  const wanted = fold(partyNameTyped(typed));
  if (/^[a-z]{2}$/.test(wanted)) {
    const upper = wanted.toUpperCase();
    const alpha2 = RESERVED_ALPHA2[upper] ?? upper;
    for (const [code, a2] of ALPHA2) if (a2 === alpha2) return code;
    return undefined;
  }
  if (!wanted) return undefined;
  const spaced = wanted.replace(/\s+/g, ' ');
  return codeByName(lang, spaced) ?? codeByQualifiedName(lang, spaced);
}

/**
 * The page's language first, then English, the common names officials type whatever the page ("Vietnam", "South
 * Korea" on a French page found none), then the other languages (a French name in an English draft check), then
 * the WTO's names.
 */
function codeByName(lang: Language, spaced: string): string | undefined {
  for (const language of new Set([lang, 'en' as const, ...LANGUAGES])) {
    const code = codesByLocalName(language).get(spaced);
    if (code) return code;
  }
  return WTO_NAMES.get(spaced);
}

/**
 * The United Nations' lists put a qualifier after the name ("Netherlands (Kingdom of the)", "Pays-Bas (Royaume
 * des)", "Bolivia (Plurinational State of)"): the name with its qualifier before it, else the name alone. Once, and
 * without a pattern: what a visitor types may be 80 kB of brackets.
 */
function codeByQualifiedName(lang: Language, spaced: string): string | undefined {
  const open = spaced.indexOf(' (');
  if (open < 1 || !spaced.endsWith(')')) return undefined;
  const name = spaced.slice(0, open);
  return codeByName(lang, `${spaced.slice(open + 2, -1)} ${name}`) ?? codeByName(lang, name);
}

/**
 * Every party's names in a language, folded, single-spaced: CLDR's, then in French and Spanish the United Nations'
 * short and formal names (UNTERM's, `unNames` in fixtures/parties.json, where their source is recorded), built once
 * per language.
 */
const namesByLanguage = new Map<Language, ReadonlyMap<string, readonly string[]>>();
function partyNames(lang: Language): ReadonlyMap<string, readonly string[]> {
  let names = namesByLanguage.get(lang);
  if (!names) {
    const un = lang === 'en' ? new Map<string, string[]>() : unNamesIn(lang);
    const built = new Map<string, string[]>();
    for (const [code, alpha2] of ALPHA2)
      built.set(
        code,
        [regionNames(lang).of(alpha2) ?? '', ...(un.get(code) ?? [])].map((n) =>
          fold(n).replace(/\s+/g, ' '),
        ),
      );
    namesByLanguage.set(lang, (names = built));
  }
  return names;
}

/** The United Nations' names of the parties in French or Spanish, as fixtures/parties.json records them. */
function unNamesIn(lang: Exclude<Language, 'en'>): Map<string, string[]> {
  return new Map(readPartyFixtures().map((party) => [party.code, party.unNames?.[lang] ?? []]));
}

/**
 * Every party's names in a language (`partyNames`) to its code (the first in ALPHA2's order where two share a name),
 * built once per language. Until 7 December 2026 each name typed was compared with every party's name, each asked of
 * CLDR and folded again: 0.7 ms a name, and a draft check's parties "CAN,CAN,..." (20,000 of them in one 80 kB
 * string) held the event loop 14 s, an explorer page's 3,000 party codes 1.9 s.
 */
const localNameCodes = new Map<Language, ReadonlyMap<string, string>>();
function codesByLocalName(lang: Language): ReadonlyMap<string, string> {
  let codes = localNameCodes.get(lang);
  if (!codes) {
    const built = new Map<string, string>();
    for (const [code, names] of partyNames(lang))
      for (const name of names) if (name && !built.has(name)) built.set(name, code);
    localNameCodes.set(lang, (codes = built));
  }
  return codes;
}

/**
 * The parties whose name in the interface language holds the typed words ("Corée" in French: both Koreas), for a form
 * whose words found no party among the catalogue's English names; none in English, whose names are the catalogue's.
 */
export function partyCodesByLocalNamePart(lang: Language, typed: string): string[] {
  const wanted = fold(partyNameTyped(typed)).replace(/\s+/g, ' ');
  if (lang === 'en' || wanted.length < 3) return [];
  return [...partyNames(lang)]
    .filter(([, names]) => names.some((name) => name.includes(wanted)))
    .map(([code]) => code);
}

/**
 * How a party's name goes into a sentence: bare ("Canada", in lists, table cells, headings and after a colon), with
 * its article ("le Canada", "the United States of America"; `The` at the start of a sentence: "Le Canada", "The
 * Netherlands"), after "of" ("du Canada", "del Canadá", "of the Philippines") and after "to" ("au Canada", "al
 * Canadá", "to the European Union").
 */
export type PartyForm = 'bare' | 'the' | 'The' | 'of' | 'to';
export const PARTY_FORMS: readonly PartyForm[] = ['bare', 'the', 'The', 'of', 'to'];

/** The article a name takes: masculine or feminine, singular or plural; `-` none ("Cuba", "Haïti", "Israel"). */
export type Article = 'm' | 'f' | 'mp' | 'fp' | '-';

const table = (groups: Record<Exclude<Article, '-'>, string>): ReadonlyMap<string, Article> =>
  new Map(
    (Object.entries(groups) as [Article, string][]).flatMap(([article, codes]) =>
      codes
        .split(/\s+/)
        .filter(Boolean)
        .map((code): [string, Article] => [code, article]),
    ),
  );

/**
 * The article each party's French name (CLDR's, `partyNameIn`) takes in running text, after the Commission
 * d'enrichissement de la langue française, "Recommandation concernant les noms d'États, d'habitants, de capitales,
 * de sièges diplomatiques ou consulaires" (Journal officiel, 24 September 2008; replaced by the recommendation of the
 * same name in the Journal officiel of 21 April 2019, which keeps the 1993 decree's list), which gives each state with its
 * article, and for territories the same usage (islands named as islands take "les îles"/"l'île"; islands, cities
 * and saints' names without "île" take none: "Cuba", "Malte", "Sainte-Lucie"). Every party of
 * fixtures/parties.json is listed here or in FRENCH_WITHOUT_ARTICLE (a test checks it); a code in neither takes no
 * article ("de X", "d'X" before a vowel): never wrong in grammar, only plainer than usage.
 */
const FRENCH_ARTICLES = table({
  m:
    'AFG AGO ATA AZE BDI BEN BFA BGD BLZ BRA BRN BTN BWA CAN CHL CMR COD COG CPV CRI DNK ECU ESH GAB GBR GHA ' +
    'GRL GTM GUY HND IOT IRN IRQ JPN KAZ KEN KGZ KHM KWT LAO LBN LBR LIE LKA LSO LUX MAR MEX MLI MMR MNE MOZ ' +
    'MWI NER NGA NIC NPL PAK PAN PER PRT PRY QAT RKS RWA SDN SEN SJM SLV SSD SUR SWZ TCD TGO TJK TKM TLS URY ' +
    'UZB VAT VEN VNM VUT YEM ZWE',
  f:
    'ALB AND ARG ARM AUS AUT BEL BGR BIH BLR BOL BRB BVT CAF CHE CHN CIV COL CXR CZE DEU DMA DOM DZA EGY ERI ESP ' +
    'EST ETH EUN FIN FRA FSM GEO GIN GLP GMB GNB GNQ GRC GRD GUF HKG HRV HUN IDN IMN IND IRL ISL ITA JAM JOR ' +
    'KOR LBY LTU LVA MAC MDA MKD MNG MRT MTQ MYS NAM NCL NFK NOR NZL PNG POL PRK PYF ROU RUS SAU SGS SLE SOM ' +
    'SRB SVK SVN SWE SYR THA TUN TUR TZA UGA UKR ZAF ZMB',
  mp: 'ARE BES NLD PLW PSE USA',
  fp: 'ALA ASM ATF BHS BMU CCK COK COM CYM FJI FLK FRO HMD MDV MHL MNP PCN PHL SLB SYC TCA TKL TON UMI VGB VIR WSM',
});

/** Parties whose French name takes no article (islands, cities, saints' names; former states in English). */
const FRENCH_WITHOUT_ARTICLE =
  'ABW AIA ANT ATG BHR BLM CUB CUW CYP DJI GGY GIB GUM HTI ISR JEY KIR KNA LCA MAF MCO MDG MLT MSR MUS MYT NIU ' +
  'NRU OMN PRI REU SGP SHN SMR SPM STP SXM TTO TUV TWN VCT WLF YUG';

/**
 * The article each party's Spanish name (CLDR's) takes, as the United Nations' Spanish texts write it (UNTERM, the
 * UN terminology database, gives the short name with its article: "el Canadá", "la India", "los Estados Unidos de
 * América"; UNESCO's Spanish documents use the same names): "de los Estados Unidos", "del Canadá", "de la Unión
 * Europea". Every other party takes none ("de Francia", "de El Salvador": an article that is part of the name is
 * never contracted).
 */
const SPANISH_ARTICLES = table({
  m: 'AFG BRA CAN CMR COG ECU GAB GBR IRN IRQ JPN LBN NER PAK PER PRY SDN SEN SSD TCD TGO URY YEM',
  f: 'ARG CAF COD DOM EUN HKG IND MAC SAU',
  mp: 'ARE NLD USA',
  fp: 'BHS CCK COK COM CYM FLK FRO HMD MHL MNP PCN SLB TCA UMI VGB VIR',
});

/**
 * The parties whose English name (the catalogue's, UN short names) takes "the" in running text, as the United
 * Nations' English texts write them (UNTERM, the UN terminology database, gives each short name with its article:
 * "the United States of America", "the United Kingdom of Great Britain and Northern Ireland", "the Netherlands",
 * "the Philippines", "the Republic of Korea", "the Gambia", "the Niger", "the Sudan", "the Congo", "the Comoros",
 * "the Holy See", "the State of Palestine"; but "Solomon Islands", "Maldives", "Seychelles", and the names written
 * with a bracket, "Bolivia (Plurinational State of)", take none), and the European Union as its own texts write it.
 * Territories named as islands or territories take it as well ("the Cayman Islands", "the Isle of Man"), islands
 * named alone do not ("Christmas Island", "Bouvet Island"). Czechia takes none (the Czech Republic would). Every
 * party of fixtures/parties.json is listed here or in ENGLISH_WITHOUT_ARTICLE (a test checks it); a code in neither
 * takes no article.
 */
const ENGLISH_THE: ReadonlySet<string> = new Set(
  (
    'ALA ANT ARE ATF BES BHS CAF CCK COD COG COK COM CYM DOM EUN FLK FRO GBR GMB HMD IMN IOT KOR LAO MDA MHL ' +
    'MNP NER NLD PHL PRK PSE RUS SDN SGS SYR TCA TZA UMI USA VAT VGB VIR'
  ).split(' '),
);

/** Parties whose English name takes no article in running text ("Canada", "Czechia", "Solomon Islands"). */
const ENGLISH_WITHOUT_ARTICLE =
  'ABW AFG AGO AIA ALB AND ARG ARM ASM ATA ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BIH BLM BLR BLZ BMU BOL ' +
  'BRA BRB BRN BTN BVT BWA CAN CHE CHL CHN CIV CMR COL CPV CRI CUB CUW CXR CYP CZE DEU DJI DMA DNK DZA ECU EGY ' +
  'ERI ESH ESP EST ETH FIN FJI FRA FSM GAB GEO GGY GHA GIB GIN GLP GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HND ' +
  'HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KWT LBN LBR LBY LCA LIE ' +
  'LKA LSO LTU LUX LVA MAC MAF MAR MCO MDG MDV MEX MKD MLI MLT MMR MNE MNG MOZ MRT MSR MTQ MUS MWI MYS MYT NAM ' +
  'NCL NFK NGA NIC NIU NOR NPL NRU NZL OMN PAK PAN PCN PER PLW PNG POL PRI PRT PRY PYF QAT REU RKS ROU RWA SAU ' +
  'SEN SGP SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC TCD TGO THA TJK TKL TKM TLS ' +
  'TON TTO TUN TUR TUV TWN UGA UKR URY UZB VCT VEN VNM VUT WLF WSM YEM YUG ZAF ZMB ZWE';

/** Whether a party's English name takes "the" in running text (unknown codes: no). */
export const englishTakesThe = (code: string): boolean => ENGLISH_THE.has(code);

/** The parties whose English article is known (the list with "the" and the list without): for the test. */
export const ENGLISH_ARTICLE_CODES: ReadonlySet<string> = new Set([
  ...ENGLISH_THE,
  ...ENGLISH_WITHOUT_ARTICLE.split(/\s+/),
]);

/** The article of a party's name in French or Spanish (English, which has one article: `englishTakesThe`; unknown codes: none). */
export function partyArticle(lang: Language, code: string): Article {
  if (lang === 'fr') return FRENCH_ARTICLES.get(code) ?? '-';
  if (lang === 'es') return SPANISH_ARTICLES.get(code) ?? '-';
  return '-';
}

/**
 * Whether a party's name is plural in a language's sentence, so its verb is ("les États-Unis ne sont pas Parties",
 * "los Países Bajos son"): a French or Spanish name with a plural article. English names take a singular verb
 * ("the Netherlands is", "the United States of America is").
 */
export const partyTakesPlural = (lang: Language, code: string): boolean =>
  ['mp', 'fp'].includes(partyArticle(lang, code));

/** The parties whose French article is known (the table and the list without article): for the test. */
export const FRENCH_ARTICLE_CODES: ReadonlySet<string> = new Set([
  ...FRENCH_ARTICLES.keys(),
  ...FRENCH_WITHOUT_ARTICLE.split(/\s+/),
]);

/** A vowel or a mute h: "l'Inde", "d'Haïti" (Haïti's h is mute; Hongrie's and Honduras's are not). */
const elides = (name: string, code: string) => /^[aeiouàâäéèêëîïôöûüœæ]/i.test(name) || code === 'HTI';

const ARTICLES: Record<'fr' | 'es', Record<Exclude<Article, '-'>, string>> = {
  fr: { m: 'le ', f: 'la ', mp: 'les ', fp: 'les ' },
  es: { m: 'el ', f: 'la ', mp: 'los ', fp: 'las ' },
};

/** Contractions of a preposition with the article: "de le" is "du", "a el" is "al". */
const CONTRACTED: Record<'fr' | 'es', Record<'of' | 'to', [RegExp, string][]>> = {
  fr: {
    of: [
      [/^le /, 'du '],
      [/^les /, 'des '],
    ],
    to: [
      [/^le /, 'au '],
      [/^les /, 'aux '],
    ],
  },
  es: { of: [[/^el /, 'del ']], to: [[/^el /, 'al ']] },
};

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** English: "the United States of America", "The Netherlands", "of the Philippines", "to Canada". */
function englishForm(code: string, name: string, form: Exclude<PartyForm, 'bare'>): string {
  const withArticle = englishTakesThe(code) ? `the ${name}` : name;
  if (form === 'the') return withArticle;
  if (form === 'The') return capitalised(withArticle);
  return `${form} ${withArticle}`;
}

/**
 * A party's name in the interface language, in the form its place in the sentence asks (`PartyForm`): "du
 * Canada", "de la France", "des États-Unis", "d’Haïti", "de l’Inde", "de Cuba"; "del Canadá", "de la India", "de
 * los Estados Unidos", "de Francia"; "of the United States of America", "of Canada".
 */
export function partyNameForm(lang: Language, code: string, name: string, form: PartyForm): string {
  const local = partyNameIn(lang, code, name);
  if (form === 'bare') return local;
  if (lang === 'en') return englishForm(code, local, form);
  const article = partyArticle(lang, code);
  let withArticle: string;
  if (article === '-') withArticle = local;
  else if (lang === 'fr' && (article === 'm' || article === 'f') && elides(local, code))
    withArticle = `l’${local}`;
  else withArticle = `${ARTICLES[lang][article]}${local}`;
  if (form === 'the') return withArticle;
  if (form === 'The') return capitalised(withArticle);
  for (const [pattern, replacement] of CONTRACTED[lang][form])
    if (pattern.test(withArticle)) return withArticle.replace(pattern, replacement);
  if (form === 'to') return `${lang === 'fr' ? 'à' : 'a'} ${withArticle}`;
  // "de" elides before a vowel when no article comes between: "d’Haïti", "d’Israël", "d’Oman".
  return lang === 'fr' && article === '-' && elides(local, code) ? `d’${local}` : `de ${withArticle}`;
}
