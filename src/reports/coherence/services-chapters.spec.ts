import { isServicesOrInvestmentChapter } from './services-chapters';

describe('isServicesOrInvestmentChapter', () => {
  it.each([
    'Trade in Services',
    'Cross-Border Trade in Services',
    'Investment',
    'Establishment, Trade in Services and Electronic Commerce',
    'Inversión',
    'Comercio Transfronterizo de Servicios',
    'Right of establishment and supply of services',
    'Financial Services',
  ])('counts "%s"', (title) => expect(isServicesOrInvestmentChapter(title)).toBe(true));

  it.each([
    'Establishment of a Free Trade Area and Definitions',
    'Trade and Investment Promotion',
    'Trade and investment facilitation',
    'Electronic Commerce',
    'Servicemen', // not a word match
    null,
  ])('leaves out %s', (title) => expect(isServicesOrInvestmentChapter(title)).toBe(false));
});
