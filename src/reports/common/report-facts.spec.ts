import { PartyKind } from '../../parties/party.enums';
import { beneficiariesOf, grantorsTo, sameSide } from './report-facts';

const party = (code: string, developing: boolean | null, side?: string, kind = PartyKind.COUNTRY) => ({
  code,
  kind,
  developing,
  ...(side === undefined ? {} : { side }),
});

describe('sameSide: two parties of one side of an agreement', () => {
  // EFTA - Colombia Art. 1.5: between each EFTA State and Colombia, not among the EFTA States.
  const eftaColombia = [
    party('CHE', false, 'EFTA States'),
    party('COL', true, 'Colombia'),
    party('ISL', false, 'EFTA States'),
    party('LIE', false, 'EFTA States'),
  ];
  // EFTA - Central America Art. 1.4: not between Costa Rica and Panama either.
  const eftaCentralAmerica = [
    party('CHE', false, 'EFTA States'),
    party('NOR', false, 'EFTA States'),
    party('CRI', true, 'Central American States'),
    party('PAN', false, 'Central American States'),
  ];

  it('reads the recorded sides: the EFTA States are of one side, Colombia of the other', () => {
    expect(sameSide(eftaColombia, { code: 'CHE' }, { code: 'ISL' })).toBe(true);
    expect(sameSide(eftaColombia, { code: 'CHE' }, { code: 'COL' })).toBe(false);
    expect(sameSide(eftaCentralAmerica, { code: 'CRI' }, { code: 'PAN' })).toBe(true);
  });

  it('keeps the bloc rule where no side is recorded, and names every other party a partner otherwise', () => {
    const euAndean = [party('EUN', false, undefined, PartyKind.BLOC), party('COL', true), party('PER', true)];
    expect(sameSide(euAndean, { code: 'COL' }, { code: 'PER' })).toBe(true);
    expect(sameSide(euAndean, { code: 'COL' }, { code: 'EUN' })).toBe(false);
    const convention = [party('CHE', false), party('ISL', false)];
    expect(sameSide(convention, { code: 'CHE' }, { code: 'ISL' })).toBe(false);
  });

  it('reads the side of a party given without one from the list (the report party as known outside the agreement)', () => {
    expect(sameSide(eftaColombia, { code: 'ISL' }, { code: 'CHE' })).toBe(true);
    expect(sameSide([...eftaColombia, party('CHE', false)], { code: 'ISL' }, { code: 'CHE' })).toBe(true);
  });

  it('grants across sides only: Panama grants Costa Rica nothing under EFTA - Central America', () => {
    const cri = eftaCentralAmerica[2];
    expect(grantorsTo(eftaCentralAmerica, cri).map((p) => p.code)).toEqual(['CHE', 'NOR']);
    expect(beneficiariesOf(eftaCentralAmerica, eftaCentralAmerica[3])).toEqual([]);
    expect(beneficiariesOf(eftaCentralAmerica, eftaCentralAmerica[0]).map((p) => p.code)).toEqual(['CRI']);
  });
});
