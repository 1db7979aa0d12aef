import { readFileSync } from 'fs';
import { join } from 'path';
import { FRENCH_ARTICLE_CODES, partyArticle, partyNameForm } from './party-names';
import { partyParam, say, text } from '../reports/common/report-texts';

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

  it('keeps English as it was, and a party the tables do not know takes no article', () => {
    expect(partyNameForm('en', 'CAN', 'Canada', 'of')).toBe('Canada');
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
    expect(say('en', text('coh.note.statusUnknown', { party: canada }))).toMatch(/^Canada's status/);
  });
});
