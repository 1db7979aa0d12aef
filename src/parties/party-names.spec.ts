import { readFileSync } from 'fs';
import { join } from 'path';
import {
  ENGLISH_ARTICLE_CODES,
  FRENCH_ARTICLE_CODES,
  partyArticle,
  partyCodeByLocalName,
  partyCodesByLocalNamePart,
  partyNameForm,
} from './party-names';
import { namesParam, partyParam, REPORT_TEXTS, say, text } from '../reports/common/report-texts';

const parties: { code: string; name: string }[] = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/parties.json'), 'utf8'),
);
const named = (code: string) => parties.find((p) => p.code === code)!;
const of = (lang: 'fr' | 'es', code: string) => partyNameForm(lang, code, named(code).name, 'of');

describe('party names in French and Spanish sentences', () => {
  it('gives every party of the catalogue its French article', () => {
    expect(parties.filter((p) => !FRENCH_ARTICLE_CODES.has(p.code)).map((p) => p.code)).toEqual([]);
  });

  it('writes the French forms usage gives (article, contraction, elision)', () => {
    const known: [string, string][] = [
      ['CAN', 'du Canada'],
      ['FRA', 'de la France'],
      ['USA', 'des États-Unis'],
      ['HTI', 'd’Haïti'],
      ['IND', 'de l’Inde'],
      ['CUB', 'de Cuba'],
      ['EUN', 'de l’Union européenne'],
      ['NLD', 'des Pays-Bas'],
      ['PHL', 'des Philippines'],
      ['ISR', 'd’Israël'],
      ['HUN', 'de la Hongrie'],
      ['HND', 'du Honduras'],
      ['AFG', 'de l’Afghanistan'],
      ['YEM', 'du Yémen'],
      ['MLT', 'de Malte'],
      ['SGP', 'de Singapour'],
      ['MEX', 'du Mexique'],
      ['CHE', 'de la Suisse'],
      ['DEU', 'de l’Allemagne'],
    ];
    expect(known.map(([code]) => [code, of('fr', code)])).toEqual(known);
    expect(partyNameForm('fr', 'CAN', 'Canada', 'to')).toBe('au Canada');
    expect(partyNameForm('fr', 'USA', 'United States', 'to')).toBe('aux États-Unis');
    expect(partyNameForm('fr', 'IND', 'India', 'to')).toBe('à l’Inde');
    expect(partyNameForm('fr', 'CUB', 'Cuba', 'to')).toBe('à Cuba');
    expect(partyNameForm('fr', 'FRA', 'France', 'The')).toBe('La France');
    expect(partyNameForm('fr', 'EUN', 'European Union', 'The')).toBe('L’Union européenne');
    expect(partyNameForm('fr', 'CUB', 'Cuba', 'the')).toBe('Cuba');
  });

  it('writes the Spanish forms of the United Nations’ Spanish texts', () => {
    const known: [string, string][] = [
      ['USA', 'de los Estados Unidos'],
      ['CAN', 'del Canadá'],
      ['IND', 'de la India'],
      ['FRA', 'de Francia'],
      ['SLV', 'de El Salvador'],
      ['EUN', 'de la Unión Europea'],
      ['BHS', 'de las Bahamas'],
      ['PER', 'del Perú'],
      ['MEX', 'de México'],
    ];
    expect(known.map(([code]) => [code, of('es', code)])).toEqual(known);
    expect(partyNameForm('es', 'CAN', 'Canada', 'to')).toBe('al Canadá');
    expect(partyNameForm('es', 'USA', 'United States', 'The')).toBe('Los Estados Unidos');
  });

  it('gives every party of the catalogue its English article (or none)', () => {
    expect(parties.filter((p) => !ENGLISH_ARTICLE_CODES.has(p.code)).map((p) => p.code)).toEqual([]);
  });

  it('writes the English forms of the United Nations’ English texts', () => {
    const the = (code: string) => partyNameForm('en', code, named(code).name, 'the');
    const known: [string, string][] = [
      ['USA', 'the United States of America'],
      ['GBR', 'the United Kingdom of Great Britain and Northern Ireland'],
      ['NLD', 'the Netherlands'],
      ['PHL', 'the Philippines'],
      ['KOR', 'the Republic of Korea'],
      ['DOM', 'the Dominican Republic'],
      ['EUN', 'the European Union'],
      ['BHS', 'the Bahamas'],
      ['GMB', 'the Gambia'],
      ['ARE', 'the United Arab Emirates'],
      ['RUS', 'the Russian Federation'],
      ['COD', 'the Democratic Republic of the Congo'],
      ['TZA', 'the United Republic of Tanzania'],
      ['CYM', 'the Cayman Islands'],
      ['CAN', 'Canada'],
      ['CZE', 'Czechia'],
      ['SLB', 'Solomon Islands'],
      ['BOL', 'Bolivia (Plurinational State of)'],
      ['SLV', 'El Salvador'],
      ['CXR', 'Christmas Island'],
    ];
    expect(known.map(([code]) => [code, the(code)])).toEqual(known);
    expect(partyNameForm('en', 'USA', 'United States of America', 'The')).toBe(
      'The United States of America',
    );
    expect(partyNameForm('en', 'NLD', 'Netherlands', 'of')).toBe('of the Netherlands');
    expect(partyNameForm('en', 'EUN', 'European Union', 'to')).toBe('to the European Union');
    expect(partyNameForm('en', 'CAN', 'Canada', 'The')).toBe('Canada');
    expect(partyNameForm('en', 'CAN', 'Canada', 'of')).toBe('of Canada');
    expect(partyNameForm('en', 'USA', 'United States of America', 'bare')).toBe('United States of America');
  });

  it('puts the article in the reports’ English sentences, at the start too, and not in lists or cells', () => {
    const usa = partyParam(named('USA'));
    const phl = partyParam(named('PHL'));
    expect(say('en', text('coh.gate.notParty', { party: usa }))).toMatch(
      /^The United States of America is not a Party/,
    );
    expect(say('en', text('coh.note.statusUnknown', { party: phl }))).toMatch(
      /^The status of the Philippines under the Convention/,
    );
    expect(say('en', text('coh.title', { party: usa }))).toBe(
      'Coherence of the trade agreements of the United States of America with the 2005 Convention',
    );
    expect(
      say(
        'en',
        text('coh.preferential.received', {
          party: phl,
          basis: 'B',
          names: { ...namesParam([usa, partyParam(named('CAN'))]), form: 'the' },
        }),
      ),
    ).toBe(
      'The Philippines is a developing country on B, so 18.2 asks nothing of it; the agreement gives culture from the Philippines preferential treatment, granted by the United States of America, Canada.',
    );
    expect(say('en', text('coh.note.bound', { party: phl, date: '2024-01-01', count: 3 }))).toMatch(
      /^Agreements that bind the Philippines on/,
    );
    expect(say('en', text('coh.allAgreements', { party: usa }))).toBe(
      'United States of America (all agreements)',
    );
    expect(say('en', text('coh.note.partial', { count: 1, names: namesParam([usa]) }))).toContain(
      ': United States of America.',
    );
  });

  it('names a party in an English sentence with its article: no bare {party} but in cells and labels', () => {
    const cells = new Set(['coh.allAgreements', 'trends.note.through']);
    const bare = Object.entries(REPORT_TEXTS.en)
      .filter(([key, template]) => !cells.has(key) && /\{(party|bloc)\}/.test(template))
      .map(([key]) => key);
    expect(bare).toEqual([]);
  });

  it('agrees the French and Spanish verb with a plural name (English keeps the singular)', () => {
    const usa = partyParam(named('USA'));
    const nld = partyParam(named('NLD'));
    const can = partyParam(named('CAN'));
    expect(say('fr', text('coh.note.notParty', { party: usa }))).toMatch(
      /^Les États-Unis ne sont pas Parties à la Convention :/,
    );
    expect(say('fr', text('coh.note.notParty', { party: can }))).toMatch(
      /^Le Canada n’est pas Partie à la Convention :/,
    );
    expect(say('es', text('coh.gate.notParty', { party: usa }))).toMatch(
      /^Los Estados Unidos no son Partes en la Convención:/,
    );
    expect(say('es', text('coh.gate.notParty', { party: can }))).toMatch(
      /^El Canadá no es Parte en la Convención:/,
    );
    expect(say('en', text('coh.gate.notParty', { party: usa }))).toMatch(
      /^The United States of America is not a Party/,
    );
    const viaBloc = (lang: 'fr' | 'es', party: typeof nld) =>
      say(lang, text('coh.note.viaBloc', { party, count: 2, blocs: 'EUN' }));
    expect(viaBloc('fr', nld)).toContain(
      'sinon à partir de leur propre adhésion à l’accord), jusqu’à leur départ',
    );
    expect(viaBloc('fr', can)).toContain(
      'sinon à partir de sa propre adhésion à l’accord), jusqu’à son départ',
    );
    expect(viaBloc('es', nld)).toContain('hasta que lo dejan');
    const leftOut = (party: typeof nld) =>
      say('es', text('coh.note.leftOut', { party, count: 2, names: namesParam(['X']) }));
    // The verb agrees with the agreements, each of which is named with its own reason (coh.note.notBound.*).
    expect(leftOut(nld)).toContain('quedan fuera, no obligan a los Países Bajos en esa fecha');
    expect(leftOut(can)).toContain('quedan fuera, no obligan al Canadá en esa fecha');
    const undated = (lang: 'fr' | 'es', party: typeof nld, count: number) =>
      say(lang, text('coh.note.leftOutUndated', { party, count, names: namesParam(['X']) }));
    expect(undated('fr', nld, 1)).toContain('car les Pays-Bas l’ont rejoint à une date');
    expect(undated('fr', nld, 2)).toContain('car les Pays-Bas les ont rejoints à une date');
    expect(undated('fr', can, 2)).toContain('car le Canada les a rejoints à une date');
    expect(undated('es', nld, 1)).toContain('porque los Países Bajos se adhirieron a él en');
    // One left on such a date: said as left, in the party's number (not "joined or left").
    const left = (lang: 'fr' | 'es', party: typeof nld, count: number) =>
      say(lang, text('coh.note.leftOutLeft', { party, count, names: namesParam(['X']) }));
    expect(left('fr', nld, 1)).toContain('car les Pays-Bas l’ont dénoncé à une date');
    expect(left('fr', can, 2)).toContain('car le Canada les a dénoncés à une date');
    expect(left('es', nld, 2)).toContain('porque los Países Bajos se retiraron de ellos en');
    expect(left('es', can, 1)).toContain('porque el Canadá se retiró de él en');
    expect(
      say(
        'fr',
        text('coh.preferential.received', {
          party: partyParam(named('PHL')),
          basis: 'B',
          names: namesParam([]),
        }),
      ),
    ).toMatch(/^Les Philippines sont un pays en développement selon B, le 18\.2 ne leur demande donc rien/);
    expect(say('fr', text('coh.note.bound', { party: usa, date: '2024', count: 2 }))).toContain(
      'à leur égard',
    );
  });

  it('a party the tables do not know takes no article', () => {
    expect(partyArticle('fr', 'ZZZ')).toBe('-');
    expect(partyNameForm('fr', 'ZZZ', 'Atlantis', 'of')).toBe('d’Atlantis');
    expect(partyNameForm('fr', 'ZZZ', 'Zembla', 'of')).toBe('de Zembla');
  });

  it('puts the forms in the reports’ French and Spanish sentences', () => {
    const canada = partyParam({ code: 'CAN', name: 'Canada' });
    expect(say('fr', text('coh.note.statusUnknown', { party: canada }))).toMatch(/^Le statut du Canada /);
    expect(say('fr', text('coh.gate.notParty', { party: canada }))).toMatch(/^Le Canada n’est pas Partie/);
    expect(
      say('fr', text('coh.title', { party: partyParam({ code: 'USA', name: 'United States' }) })),
    ).toMatch(/^Cohérence des accords commerciaux des États-Unis avec/);
    expect(say('es', text('coh.note.statusUnknown', { party: canada }))).toMatch(/^La situación del Canadá /);
    expect(say('en', text('coh.note.statusUnknown', { party: canada }))).toMatch(/^The status of Canada /);
  });
});

describe('partyCodeByLocalName: what a visitor types for a country', () => {
  it('reads a two-letter code, UK included, before any substring of a name (UK sent the United Kingdom to Ukraine)', () => {
    expect(partyCodeByLocalName('en', 'UK')).toBe('GBR');
    expect(partyCodeByLocalName('en', 'gb')).toBe('GBR');
    expect(partyCodeByLocalName('fr', 'de')).toBe('DEU');
    expect(partyCodeByLocalName('en', 'EU')).toBe('EUN');
    expect(partyCodeByLocalName('en', 'ZZ')).toBeUndefined();
  });

  it("reads a country's common English name and a straight apostrophe, as French and Spanish pages read theirs", () => {
    expect(partyCodeByLocalName('en', 'South Korea')).toBe('KOR');
    expect(partyCodeByLocalName('en', 'vietnam')).toBe('VNM');
    expect(partyCodeByLocalName('en', "Cote d'Ivoire")).toBe('CIV');
    expect(partyCodeByLocalName('fr', 'Corée du Sud')).toBe('KOR');
    expect(partyCodeByLocalName('es', 'Estados Unidos')).toBe('USA');
    expect(partyCodeByLocalName('en', 'Korea')).toBeUndefined();
  });

  it("reads the WTO's names that the agreement titles give (truth8: 'Turkey' found no party, the catalogue's being Türkiye)", () => {
    expect(partyCodeByLocalName('en', 'Turkey')).toBe('TUR');
    expect(partyCodeByLocalName('fr', 'turkey')).toBe('TUR');
    expect(partyCodeByLocalName('en', 'Czech  Republic')).toBe('CZE');
    expect(partyCodeByLocalName('en', 'Slovak Republic')).toBe('SVK');
    expect(partyCodeByLocalName('es', 'Chinese Taipei')).toBe('TWN');
    expect(partyCodeByLocalName('en', 'Korea, Republic of')).toBe('KOR');
    expect(partyCodeByLocalName('en', 'Hong Kong, China')).toBe('HKG');
    expect(partyCodeByLocalName('en', 'Former Yugoslav Republic of Macedonia')).toBe('MKD');
  });

  it("reads the United Nations' French and Spanish names, short and formal, on a page in any language (a new user's 400s)", () => {
    const named: [string, string][] = [
      ['République de Corée', 'KOR'],
      ['Fédération de Russie', 'RUS'],
      ['États-Unis d’Amérique', 'USA'],
      ["Etats-Unis d'Amerique", 'USA'],
      ['République française', 'FRA'],
      ['Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', 'GBR'],
      ['Bolivie (État plurinational de)', 'BOL'],
      ['República de Corea', 'KOR'],
      ['Estados Unidos de América', 'USA'],
      ['Federación de Rusia', 'RUS'],
      ['república  de el salvador', 'SLV'],
    ];
    for (const lang of ['en', 'fr', 'es'] as const)
      expect(named.map(([name]) => [name, partyCodeByLocalName(lang, name)])).toEqual(named);
    // The United Nations' form with its qualifier after the name (the Netherlands' since 2023), in any language.
    const qualified: [string, string][] = [
      ['Netherlands (Kingdom of the)', 'NLD'],
      ['Pays-Bas (Royaume des)', 'NLD'],
      ['Países Bajos (Reino de los)', 'NLD'],
      ['Bolivia (Plurinational State of)', 'BOL'],
    ];
    for (const lang of ['en', 'fr', 'es'] as const)
      expect(qualified.map(([name]) => [name, partyCodeByLocalName(lang, name)])).toEqual(qualified);
    expect(partyCodeByLocalName('en', 'Atlantis (Kingdom of)')).toBeUndefined();
    // Read once and without a pattern: a pattern went back over 60 kB of opened brackets from each of them.
    expect(partyCodeByLocalName('en', 'x ('.repeat(20_000))).toBeUndefined();
    expect(partyCodeByLocalName('en', `${'x ('.repeat(20_000)}${')'.repeat(20_000)}`)).toBeUndefined();
    // A part of one: both Koreas' French names hold "Corée".
    expect(partyCodesByLocalNamePart('fr', 'république de cor')).toEqual(['KOR']);
  });
});
