import { RelationKind } from './agreement.enums';
import { checkNoRelationCycle } from './relation-cycle';

const { AMENDS, SUPERSEDES, PROTOCOL_OF } = RelationKind;

describe('relations that make a cycle', () => {
  const held = [
    { from: 'b', to: 'a', kind: AMENDS },
    { from: 'c', to: 'b', kind: PROTOCOL_OF },
    { from: 'x', to: 'c', kind: SUPERSEDES },
  ];

  it('refuses the first wanted relation that leads back, naming it and the shortest loop', () => {
    expect(() => checkNoRelationCycle(held, 'a', [{ slug: 'c', relation: SUPERSEDES }])).toThrow(
      'related.0: a SUPERSEDES c makes a cycle (c PROTOCOL_OF b AMENDS a): an agreement cannot come before itself',
    );
    expect(() =>
      checkNoRelationCycle(held, 'a', [
        { slug: 'z', relation: AMENDS },
        { slug: 'b', relation: AMENDS },
      ]),
    ).toThrow(/^related\.1: a AMENDS b makes a cycle \(b AMENDS a\)/);
  });

  it('accepts chains that do not lead back, and the relations an agreement holds already', () => {
    expect(() => checkNoRelationCycle(held, 'x', [{ slug: 'a', relation: SUPERSEDES }])).not.toThrow();
    expect(() => checkNoRelationCycle(held, 'b', [{ slug: 'a', relation: AMENDS }])).not.toThrow();
    expect(() => checkNoRelationCycle(held, 'a', [{ slug: 'unknown', relation: AMENDS }])).not.toThrow();
  });
});
