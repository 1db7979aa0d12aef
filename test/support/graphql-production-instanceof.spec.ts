import { GraphQLList, GraphQLString, isListType } from 'graphql';

/**
 * The tests run graphql-js's production `instanceOf` (a bare `instanceof`), as the service does with
 * NODE_ENV=production, and not its development one, which reads the class names of both sides of every failed
 * check: a quarter of an application's start in the tests. The rest of the environment keeps NODE_ENV=test.
 */
describe("graphql-js's instanceOf in the tests", () => {
  it('is the bare instanceof: an object of another copy of a graphql-js class is only not an instance', () => {
    const foreign = { [Symbol.toStringTag]: 'GraphQLList', ofType: GraphQLString };
    // The development instanceOf throws here ("Cannot use GraphQLList ... from another module or realm").
    expect(isListType(foreign)).toBe(false);
    expect(isListType(new GraphQLList(GraphQLString))).toBe(true);
  });

  it('leaves NODE_ENV as jest sets it for everything else', () => {
    expect(process.env.NODE_ENV).toBe('test');
  });
});
