import { ASTVisitor, ValueNode } from 'graphql';

/** The argument each literal value of a validated document is given for, as a dotted path (`filter.signedFrom`). */
const pathOfValue = new WeakMap<ValueNode, string>();

/**
 * Where a literal stands in the operation: `filter.signedFrom`, `input.parties.0.dateSigned`, or `$d` for a
 * variable's default value. graphql-js checks a literal by calling its scalar's `parseLiteral` with the value
 * alone (ValuesOfCorrectTypeRule); this rule, run in the same pass, records the path on the way down (a parent
 * is entered before its values), so that a scalar refusing a literal can name the argument
 * (`argumentOfLiteral`, read by `graphql/scalars.ts`).
 */
export function ArgumentPathsRule(): ASTVisitor {
  return {
    Argument(node) {
      pathOfValue.set(node.value, node.name.value);
    },
    VariableDefinition(node) {
      if (node.defaultValue) pathOfValue.set(node.defaultValue, `$${node.variable.name.value}`);
    },
    ObjectValue(node) {
      const path = pathOfValue.get(node);
      for (const field of node.fields)
        pathOfValue.set(field.value, path === undefined ? field.name.value : `${path}.${field.name.value}`);
    },
    ListValue(node) {
      const path = pathOfValue.get(node);
      node.values.forEach((value, i) =>
        pathOfValue.set(value, path === undefined ? String(i) : `${path}.${i}`),
      );
    },
  };
}

/** The argument a literal is given for (`filter.signedFrom`), once ArgumentPathsRule has passed over it. */
export function argumentOfLiteral(node: ValueNode): string | undefined {
  return pathOfValue.get(node);
}
