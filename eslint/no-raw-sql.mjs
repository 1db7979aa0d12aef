/**
 * `local/no-raw-sql`: SQL is written only in the repositories (`src/<module>/repository/`), the engine adapters
 * and the query infrastructure (see the allow list in eslint.config.mjs and docs/architecture.md). Elsewhere it
 * reports:
 * - a call that runs or builds a statement: `.execute(`, `.getKnex(`, `.raw(`, `.createQueryBuilder(`,
 *   `.getConnection()` (MikroORM's entity manager calls, find, persist, flush, nativeDelete, are fine);
 * - a string or template literal that reads as SQL (a template's `${}` parts count as a name);
 * - an import of the SQL fragment builders (`common/sql`, `fetchPage`, `selectEntities`); their types are fine.
 * With `{ builder: true }` (repositories built with MikroORM's Knex builder) the statements may run, but SQL
 * text, `.raw(` and the `*Raw(` methods (`whereRaw`, `joinRaw`, ...) are reported all the same.
 */

const STATEMENT_CALLS = new Set(['execute', 'getKnex', 'raw', 'createQueryBuilder', 'getConnection']);

/** Each pattern alone reads as SQL in this code base, and not as English (the pages' texts, the messages). */
export const SQL_PATTERNS = [
  /\bselect\s+(distinct\s+)?([\w."*]+(\s+as\s+\w+)?\s*,\s*)*[\w."*()]+(\s+as\s+"?\w+"?)?\s+from\s+[\w"(]/i,
  /\bselect\s+(distinct\s+)?\*/i,
  /\binsert\s+into\b/i,
  /\bupdate\s+"?\w+"?\s+set\b/i,
  /\bdelete\s+from\b/i,
  /\bpragma\s+\w+/i,
  /\bfrom\s+"?[a-z_]+"?\s+(as\s+)?[a-z]{1,3}\s+(join|where|left|inner|group|order)\b/,
  /\bjoin\s+"?\w+"?\s+(as\s+)?\w+\s+on\b/i,
  // a quoted alias: count(*) as "n" from
  /\bas\s+"\w+"\s+(from|,)/i,
  // an alias-qualified quoted column: a."id"
  /\b[a-z]{1,3}\."\w+"/,
  // a quoted column compared: "id" in, "code" =
  /"\w+"\s*(=|<>|!=|<=|>=|\s(in\s*\(|is\s+(not\s+)?null\b|like\b|not\s+(in|like)\b))/i,
  // a parameter placeholder compared: = ?, in (?
  /(=|<>|<=|>=|<|>|\blike|\bin)\s*\(?\s*\?\s*(\)|,|$|\s)/i,
  /\bwhere\s+[\w."]+\s*(=|<>|<=|>=|<|>|\s(in|is|like)\b)/i,
  /\b(order|group)\s+by\s+("|\w{1,3}\."|\w+\s+(asc|desc)\b)/i,
  /\bcount\(\s*(\*|distinct\b)/i,
  /\bis\s+(not\s+)?null\b/i,
  /^\s*1\s*=\s*[01]\s*$/,
  /\blower\([\w."]+\)\s+(=|like)\b/i,
];

/** The SQL fragment builders and statement runners of the query infrastructure (their types are fine). */
const SQL_BUILDERS = {
  'common/sql': null, // every value it exports
  'pagination/page-query': ['fetchPage', 'fetchPagesByParent'],
  'row-mapper': ['selectEntities'],
  'pagination/keyset': ['orderBySql', 'afterCondition'],
};

export const looksLikeSql = (text) => SQL_PATTERNS.some((p) => p.test(text));

function builderNames(source) {
  for (const [suffix, names] of Object.entries(SQL_BUILDERS)) {
    if (source.endsWith(suffix) || source.endsWith(`${suffix}.ts`)) return names ?? '*';
  }
  return null;
}

const MESSAGE =
  'SQL belongs in a repository (src/<module>/repository/) or an engine adapter; see docs/architecture.md';

export const noRawSql = {
  meta: {
    type: 'problem',
    docs: { description: 'no SQL outside the repositories and the engine adapters' },
    messages: {
      call: `{{name}}(): ${MESSAGE}`,
      text: `this text reads as SQL: ${MESSAGE}`,
      builder: `{{name}} builds SQL: ${MESSAGE}`,
      rawCall: `{{name}}(): raw SQL in a repository built with the Knex builder`,
    },
    schema: [{ type: 'object', properties: { builder: { type: 'boolean' } }, additionalProperties: false }],
  },
  create(context) {
    const builderMode = context.options[0]?.builder === true;
    const check = (node, text) => {
      if (looksLikeSql(text)) context.report({ node, messageId: 'text' });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
          return;
        const name = callee.property.name;
        // String.raw is a template tag, not a statement.
        if (name === 'raw' && callee.object.type === 'Identifier' && callee.object.name === 'String') return;
        if (builderMode) {
          if (name === 'raw' || /^[a-z]\w*Raw$/.test(name))
            context.report({ node: callee.property, messageId: 'rawCall', data: { name } });
          return;
        }
        if (!STATEMENT_CALLS.has(name)) return;
        context.report({ node: callee.property, messageId: 'call', data: { name } });
      },
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('x'));
      },
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        const names = builderNames(String(node.source.value));
        if (!names) return;
        for (const spec of node.specifiers) {
          if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') continue;
          const name = spec.imported.name ?? spec.imported.value;
          // A type imported without `type` (SqlCondition, PageRequest) is fine: only functions build SQL.
          if (/^[A-Z]/.test(name)) continue;
          if (names === '*' || names.includes(name))
            context.report({ node: spec, messageId: 'builder', data: { name } });
        }
      },
    };
  },
};

export default { rules: { 'no-raw-sql': noRawSql } };
