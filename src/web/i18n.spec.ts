import { REPORT_TEXTS } from '../reports/common/report-texts';
import { dateFormat, formatMessage, LANGUAGES, MESSAGES, translator } from './i18n';
import { formatTimestamp } from '../reports/render/cell-format';
import { viaBlocName } from './views/side-name';
import { hasLabel, incomeGroupName, label, regionName } from './labels';
import {
  AgreementKind,
  AgreementStatus,
  ConcludedBy,
  PartyRole,
  RelationKind,
  SourceKind,
} from '../agreements/agreement.enums';
import { AnnotationOrigin, AnnotationStatus, BindingForce } from '../annotations/annotation.enums';
import { ConventionInstrument } from '../parties/party.enums';
import { Role } from '../auth/role.enum';
import { partyCodeByLocalName, partyNameIn } from '../parties/party-names';

/**
 * Counted things take the form their number asks in each language ("1 agreement", "2 agreements"; French
 * "0 accord", "1 accord", "2 accords"), and numbers are written the page's way.
 */
describe('interface texts: plural forms and numbers', () => {
  it('picks a form by the number, exact values first, and writes the number the language’s way', () => {
    const text = '{n, plural, =0 {none} one {# item} other {# items}} in {place}';
    expect(formatMessage('en', text, { n: 0, place: 'A' })).toBe('none in A');
    expect(formatMessage('en', text, { n: 1, place: 'A' })).toBe('1 item in A');
    expect(formatMessage('en', text, { n: 1234, place: 'A' })).toBe('1,234 items in A');
    expect(formatMessage('fr', '{n, plural, one {# accord} other {# accords}}', { n: 0 })).toBe('0 accord');
    expect(formatMessage('fr', '{n, plural, one {# accord} other {# accords}}', { n: 1234 })).toBe(
      '1\u202f234 accords',
    );
    // A missing parameter stays visible rather than silently empty.
    expect(formatMessage('en', '{n, plural, one {# x} other {# xs}} {m}', {})).toBe(
      '{n, plural, one {# x} other {# xs}} {m}',
    );
  });

  it.each([
    ['agreements.count', { count: 1 }, '1 agreement', '1 accord', '1 acuerdo'],
    ['agreements.count', { count: 2 }, '2 agreements', '2 accords', '2 acuerdos'],
    ['agreements.count', { count: 0 }, '0 agreements', '0 accord', '0 acuerdos'],
    ['agreement.provisionsCount', { count: 1 }, '1 provision', '1 disposition', '1 disposición'],
    [
      'search.hits',
      { count: 1 },
      '1 provision matches',
      '1 disposition correspond',
      '1 disposición coincide',
    ],
    [
      'search.hits',
      { count: 3 },
      '3 provisions match',
      '3 dispositions correspondent',
      '3 disposiciones coinciden',
    ],
    ['common.results', { count: 1 }, '1 result', '1 résultat', '1 resultado'],
    [
      'home.dated',
      { count: 1, total: 1 },
      '1 of 1 agreement has a signature date',
      '1 accord sur 1 a une date de signature',
      '1 de 1 acuerdo tiene fecha de firma',
    ],
    [
      'home.annotated',
      { count: 2, total: 32, accepted: 1 },
      '2 of 32 agreements have at least one annotation, 1 an annotation accepted by a reviewer',
      '2 accords sur 32 ont au moins une annotation, 1 une annotation acceptée en relecture',
      '2 de 32 acuerdos tienen al menos una anotación, 1 una anotación aceptada en revisión',
    ],
    [
      'party.met',
      { met: 1, assessed: 1 },
      '1 of 1 assessed agreement meets it',
      '1 accord évalué sur 1 y satisfait',
      '1 de 1 acuerdo evaluado lo cumple',
    ],
    [
      'party.met',
      { met: 0, assessed: 7 },
      'None of the 7 assessed agreements meets it',
      'Aucun des 7 accords évalués n’y satisfait',
      'Ninguno de los 7 acuerdos evaluados lo cumple',
    ],
    // Nothing assessed is said plainly, never "0 accord évalué sur 0 y satisfait".
    [
      'party.met',
      { met: 0, assessed: 0 },
      'No agreement assessed',
      'Aucun accord évalué',
      'Ningún acuerdo evaluado',
    ],
    [
      'party.met',
      { met: 0, assessed: 1 },
      'The assessed agreement does not meet it',
      'L’accord évalué n’y satisfait pas',
      'El acuerdo evaluado no lo cumple',
    ],
    [
      'party.met',
      { met: 1, assessed: 2 },
      '1 of 2 assessed agreements meets it',
      '1 accord évalué sur 2 y satisfait',
      '1 de 2 acuerdos evaluados lo cumple',
    ],
    [
      'party.met',
      { met: 2, assessed: 2 },
      '2 of 2 assessed agreements meet it',
      '2 accords évalués sur 2 y satisfont',
      '2 de 2 acuerdos evaluados lo cumplen',
    ],
    [
      'complete.summary',
      { have: 1, total: 7 },
      '1 of 7 items recorded',
      '1 élément sur 7 renseigné',
      '1 de 7 elementos registrados',
    ],
    [
      'parties.perPage',
      { total: 1 },
      '1 party, 100 a page',
      '1 partie, 100 par page',
      '1 parte, 100 por página',
    ],
    ['flows.count', { count: 1 }, '1 flow', '1 flux', '1 flujo'],
    ['draft.words', { count: 1 }, '1 word', '1 mot', '1 palabra'],
    [
      'review.progressText',
      { mine: 1, left: 1 },
      'You have reviewed 1 annotation; 1 proposal is waiting.',
      'Vous avez relu 1 annotation ; 1 proposition attend.',
      'Ha revisado 1 anotación; 1 propuesta espera.',
    ],
    [
      'compare.more',
      { count: 1 },
      'And 1 more: add words to narrow the choice.',
      'Et 1 autre : ajoutez des mots pour affiner le choix.',
      'Y 1 más: añada palabras para afinar la elección.',
    ],
    [
      'trends.pending',
      { count: 1 },
      '+ 1 awaiting review',
      '+ 1 en attente de relecture',
      '+ 1 pendiente de revisión',
    ],
  ] as const)('%s with %j', (key, params, en, fr, es) => {
    expect([
      translator('en')(key, params),
      translator('fr')(key, params),
      translator('es')(key, params),
    ]).toEqual([en, fr, es]);
  });

  it('never puts a bare count before a counted word: the word takes its plural form', () => {
    // A counting parameter written bare, followed by a word, is "1 agreements" waiting to happen; the words
    // allowed after one are those that do not change with the number.
    const COUNTS = [
      'count',
      'total',
      'have',
      'mine',
      'left',
      'met',
      'assessed',
      'seconds',
      'years',
      'pending',
    ];
    const invariable = /^(of|de|sur|more|más|de plus|awaiting|en|flux|hits)\b/;
    const bare: string[] = [];
    for (const lang of LANGUAGES)
      for (const [key, text] of Object.entries(MESSAGES[lang])) {
        // Inside a plural form '#' is the number, and the form is chosen for it.
        const outside = withoutPluralBlocks(text);
        for (const m of outside.matchAll(/\{(\w+)\} (\p{L}[\p{L} ]*)/gu))
          if (COUNTS.includes(m[1]) && !invariable.test(m[2]) && key !== 'search.ranked')
            bare.push(`${lang} ${key}: {${m[1]}} ${m[2].split(' ')[0]}`);
      }
    expect(bare).toEqual([]);
  });
});

/** A template without its plural blocks (nested ones too: a form may hold another block). */
function withoutPluralBlocks(template: string): string {
  let out = '';
  let i = 0;
  for (let m = /\{\w+, plural,/.exec(template); m; m = /\{\w+, plural,/.exec(template.slice(i))) {
    const open = i + m.index;
    let depth = 0;
    let close = open;
    for (; close < template.length; close++)
      if (template[close] === '{') depth++;
      else if (template[close] === '}' && --depth === 0) break;
    out += template.slice(i, open);
    i = close + 1;
  }
  return out + template.slice(i);
}

describe('names a French or Spanish page gives (they were English)', () => {
  it('names parties by their ISO code in the page language, and finds a party by the name typed in it', () => {
    expect(partyNameIn('fr', 'DEU', 'Germany')).toBe('Allemagne');
    expect(partyNameIn('es', 'EUN', 'European Union')).toBe('Unión Europea');
    expect(partyNameIn('fr', 'USA', 'United States of America')).toBe('États-Unis');
    expect(partyNameIn('en', 'USA', 'United States of America')).toBe('United States of America');
    // A former state CLDR does not name keeps the catalogue's name.
    expect(partyNameIn('fr', 'YUG', 'Yugoslavia')).toBe('Yugoslavia');
    expect(partyCodeByLocalName('fr', 'allemagne')).toBe('DEU');
    expect(partyCodeByLocalName('es', 'Perú')).toBe('PER');
    expect(partyCodeByLocalName('es', 'peru')).toBe('PER');
    // English pages read CLDR's common names too ('South Korea', 'Vietnam': party-names.ts).
    expect(partyCodeByLocalName('en', 'Germany')).toBe('DEU');
  });

  it('names regions, and income groups apart from severities', () => {
    expect(regionName('fr', 'Western Europe')).toBe('Europe occidentale');
    expect(regionName('es', 'Latin America and the Caribbean')).toBe('América Latina y el Caribe');
    expect(incomeGroupName('fr', 'HIGH')).toBe('revenu élevé');
    expect(label('fr', 'HIGH')).toBe('élevée');
    expect(label('fr', 'BILATERAL')).toBe('bilatéral');
    expect(label('es', 'OFFICIAL_TEXT')).toBe('texto oficial');
  });
});

describe('the pages name the Operational Guidelines as the reports do', () => {
  it('calls them "Orientaciones prácticas" in Spanish and "Directives opérationnelles" in French', () => {
    const texts = (lang: 'fr' | 'es') => Object.values(MESSAGES[lang]).join('\n');
    expect(texts('es')).not.toMatch(/Directrices/i);
    expect(texts('fr')).not.toMatch(/\borientations\b/i);
    // one word for the draft in Spanish ("borrador", as the page's title), and the Convention in force "a su
    // respecto", whatever the gender of the party's name (el Perú)
    expect(texts('es')).not.toMatch(/\bEl proyecto\b|para ella\b/);
    expect(MESSAGES.es['party.scores']).toContain('Orientaciones prácticas');
    expect(MESSAGES.fr['party.scores']).toContain('Directives opérationnelles');
  });
});

describe('dates the page’s way', () => {
  it('writes the first day of a month as French does, "1er"; other days and languages as Intl does', () => {
    const day = (lang: 'en' | 'fr' | 'es', iso: string) =>
      dateFormat(lang).format(new Date(`${iso}T00:00:00Z`));
    expect(day('fr', '2009-08-01')).toBe('1er août 2009');
    expect(day('fr', '2016-10-30')).toBe('30 oct. 2016');
    expect(day('fr', '2012-01-11')).toBe('11 janv. 2012');
    expect(day('es', '2009-08-01')).toBe('1 ago 2009');
    expect(day('en', '2009-08-01')).toBe('1 Aug 2009');
    expect(formatTimestamp('2026-12-01T05:10:00Z', 'fr')).toBe('1er déc. 2026, 05:10 UTC');
  });
  it("calls paragraph 18's treatment by the Convention's own Spanish term (Art. 16: trato preferente), everywhere", () => {
    const spanish = [...Object.values(REPORT_TEXTS.es), ...Object.values(MESSAGES.es)].join(' ');
    expect(spanish).toContain('trato preferente');
    expect(spanish).not.toMatch(/trato preferencial/i);
  });
});

describe('a party’s income group and development status name the year of the World Bank list (truth9)', () => {
  // Panama is high income in the FY23 list (July 2022 to June 2023), upper middle income the year before and when
  // most of its agreements were signed: an undated "high income" / "developing: no" read as always so. Singapore,
  // high income, is developing as a SIDS: the page says both grounds, not the income group alone.
  it.each([
    [
      'en',
      /FY23: July 2022 to June 2023; the income group may have differed when an agreement was signed/,
      /counted as developing: a UN LDC or SIDS, or not high income in FY23/,
    ],
    [
      'fr',
      /exercice 2023 : juillet 2022 à juin 2023 ; le groupe de revenu a pu différer à la signature d’un accord/,
      /compté en développement : PMA ou PEID selon l’ONU, ou hors du revenu élevé pour l’exercice 2023/,
    ],
    [
      'es',
      /ejercicio 2023: julio de 2022 a junio de 2023; el grupo de ingresos pudo ser otro cuando se firmó un acuerdo/,
      /se cuenta en desarrollo: PMA o PEID según la ONU, o fuera del ingreso alto en el ejercicio 2023/,
    ],
  ] as const)('%s', (lang, income, developing) => {
    // The year and the grounds are said beside the value, not in the label, which a long text pushed off the page.
    expect(MESSAGES[lang]['party.incomeNote']).toMatch(income);
    expect(MESSAGES[lang]['party.developingNote']).toMatch(developing);
    expect(MESSAGES[lang]['party.income']).toMatch(/FY23|2023/);
  });
});

describe('error messages', () => {
  it('start with a capital letter, or with the name of the parameter at fault, in every language', () => {
    // A parameter's name is written as the address writes it (`after`, `to`, `{name}`), and a value quoted as typed:
    // lower case there is right.
    const startsWell = (text: string) =>
      /^(\p{Lu}|\{\w+\}|["«]|[a-z][A-Za-z.]*\s?:)/u.test(text.replace(/^\{\w+, plural, =?\w+ \{/, ''));
    const lowerCase = LANGUAGES.flatMap((lang) =>
      Object.entries(MESSAGES[lang])
        .filter(([key, text]) => key.startsWith('error.') && typeof text === 'string' && !startsWell(text))
        .map(([key, text]) => `${lang} ${key}: ${text as string}`),
    );
    expect(lowerCase).toEqual([]);
  });
});

describe('French texts', () => {
  // "que", "ne", "ce", "le", "de" ... lose their vowel before a word that starts with one ("qu’un", "l’accord"),
  // also where the next word starts a plural form ("bien que {count, plural, one {un ...").
  const unelided =
    /(?<![\p{L}’'-])(que|ne|se|ce|le|la|de|jusque|lorsque|puisque) (?:\{\w+, plural, (?:one|=\d) \{)?(?=[aeiouéèêâîôœ]\p{L})/giu;
  it('elide before a vowel, in the pages and in the reports', () => {
    const found = [
      ...Object.entries(MESSAGES.fr).map(([key, text]) => ['page', key, text]),
      ...Object.entries(REPORT_TEXTS.fr).map(([key, text]) => ['report', key, text]),
    ].flatMap(([where, key, text]) =>
      [...text.matchAll(unelided)].map((m) => `${where} ${key}: …${text.slice(m.index, m.index + 30)}`),
    );
    expect(found).toEqual([]);
  });

  it('say of agreements no longer in force "qu’ils soient encore en vigueur ou non", not "ou plus" (which reads as "or more")', () => {
    expect(MESSAGES.fr['draft.scope.NO_CONVENTION_REFERENCE']).toContain(
      'qu’ils soient encore en vigueur ou non',
    );
    expect(Object.values(MESSAGES.fr).filter((text) => /vigueur aujourd’hui ou plus/.test(text))).toEqual([]);
  });
});

describe('a bloc named after "through" on the party page', () => {
  // "par l’intermédiaire de {the bloc}" read "de le …" for a bloc whose French name takes "le" (review of
  // 7 December 2026): the bloc takes the "of" form, which contracts ("du", "del").
  it.each([
    ['en', 'EUN', 'European Union', 'through the European Union'],
    ['fr', 'EUN', 'European Union', 'par l’intermédiaire de l’Union européenne'],
    ['es', 'EUN', 'European Union', 'a través de la Unión Europea'],
    ['fr', 'CAN', 'Canada', 'par l’intermédiaire du Canada'],
    ['es', 'CAN', 'Canada', 'a través del Canadá'],
  ] as const)('%s %s', (lang, code, name, expected) => {
    expect(translator(lang)('agreement.viaBloc', { bloc: viaBlocName({ lang }, { code, name }) })).toBe(
      expected,
    );
  });
});

describe('enum values a page shows through `label`', () => {
  it('names each in French and Spanish, never by its code made English words (a relation "protocol of", an annotation\'s origin "family")', () => {
    const shown = [
      AgreementKind,
      AgreementStatus,
      ConcludedBy,
      PartyRole,
      RelationKind,
      SourceKind,
      AnnotationOrigin,
      AnnotationStatus,
      BindingForce,
      ConventionInstrument,
      Role,
    ].flatMap((e) => Object.values(e) as string[]);
    expect(shown.filter((value) => !hasLabel(value))).toEqual([]);
    expect(['fr', 'es'].map((lang) => label(lang as 'fr' | 'es', RelationKind.PROTOCOL_OF))).toEqual([
      'protocole de',
      'protocolo de',
    ]);
  });
});
