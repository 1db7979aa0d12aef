import { BindingForce } from '../annotation.enums';
import { bindingForceOf } from './binding-force';

const { BINDING, BEST_ENDEAVOUR, DECLARATORY } = BindingForce;

describe('bindingForceOf', () => {
  it.each([
    ['Each Party shall adopt a legal framework for electronic transactions.', BINDING],
    ['This Chapter does not apply to broadcasting.', BINDING],
    ['A Party may adopt measures to protect traditional cultural expressions.', BINDING],
    ['The Parties shall endeavour to cooperate on paperless trading.', BEST_ENDEAVOUR],
    ['The Parties should exchange information on consumer protection.', BEST_ENDEAVOUR],
    ['The Parties may cooperate on cultural exchanges.', BEST_ENDEAVOUR],
    ['The Parties recognise that electronic commerce shall grow.', DECLARATORY],
    ['The objectives of this Chapter are to promote trade.', DECLARATORY],
    ['Cultural diversity enriches societies.', DECLARATORY],
  ])('reads "%s" as %s', (text, expected) => {
    expect(bindingForceOf(text, 'en')).toBe(expected);
  });

  it('takes the strongest sentence of an article', () => {
    expect(
      bindingForceOf(
        'The Parties recognise the value of trade. 2. Each Party shall publish its rules.',
        'en',
      ),
    ).toBe(BINDING);
  });

  it('reads Spanish and French verbs', () => {
    expect(bindingForceOf('Cada Parte mantendrá medidas de protección al consumidor.', 'es')).toBe(BINDING);
    expect(bindingForceOf('Las Partes procurarán intercambiar información.', 'es')).toBe(BEST_ENDEAVOUR);
    expect(bindingForceOf('Las Partes reconocen la importancia del comercio electrónico.', 'es')).toBe(
      DECLARATORY,
    );
    expect(bindingForceOf("Le présent chapitre ne s'applique pas à la radiodiffusion.", 'fr')).toBe(BINDING);
    expect(bindingForceOf("Les Parties s'efforcent de coopérer.", 'fr')).toBe(BEST_ENDEAVOUR);
  });
});
