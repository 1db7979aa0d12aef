import type { Language } from '../common/i18n';

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
  const alpha2 = ALPHA2.get(code);
  return (alpha2 && regionNames(lang).of(alpha2)) || name;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .trim()
    .toLowerCase();

/**
 * The code of the party a French or Spanish visitor named in their language ("Allemagne", "Perú", "union
 * européenne"; accents and case aside), or undefined: what a form typed in the page's language looks up before the
 * catalogue's English names.
 */
export function partyCodeByLocalName(lang: Language, typed: string): string | undefined {
  if (lang === 'en') return undefined;
  const wanted = fold(typed);
  for (const [code, alpha2] of ALPHA2) if (fold(regionNames(lang).of(alpha2) ?? '') === wanted) return code;
  return undefined;
}
