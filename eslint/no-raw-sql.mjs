/**
 * `local/no-raw-sql`: SQL is written only in the engine adapters (`src/database/`, `src/search/engine/`) and in
 * the one expression module of the query infrastructure (`src/common/sql.ts`); the repositories build their
 * statements with Knex (see the allow lists in eslint.config.mjs and docs/architecture.md). It reports:
 * - a call that runs or builds a statement: `.execute(`, `.getKnex(`, `.raw(`, `.createQueryBuilder(`,
 *   `.getConnection()` (MikroORM's entity manager calls, find, persist, flush, nativeDelete, are fine);
 * - a string or template literal that reads as SQL (a template's `${}` parts count as a name);
 * - an import of the query builders (`common/sql`, `fetchPage`, `readEntities`, ...); their types are fine.
 *
 * With the option `{ builder: true }` (the repositories converted to the Knex builder, the keyset pages, the row
 * mapper) it allows the builder and its runners, and reports what would bring SQL text back:
 * - `raw(`, `.raw(` and every `*Raw(` builder call (`whereRaw`, `orderByRaw`, `joinRaw`, ...): a missing
 *   expression is a named helper of `common/sql.ts`;
 * - `.execute(` and `.getConnection()`: statements run through `rowsOf` / `rowsInTransaction`;
 * - a string or template literal that reads as SQL;
 * - an import of the deprecated string fragments (`inList`, `sqlIn`, `and`, `containsCondition`,
 *   `fromSqlCondition`, `orderBySqlText`, `selectEntities`).
 */

const STATEMENT_CALLS = new Set(['execute', 'getKnex', 'raw', 'createQueryBuilder', 'getConnection']);
/** In builder mode: the calls that bring SQL text or string statements back (and every `*Raw`). */
const BUILDER_MODE_CALLS = new Set(['execute', 'raw', 'getConnection']);
const isRawCall = (name) => /^[a-z]\w*Raw$/.test(name);

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

/** The query builders and statement runners of the query infrastructure (their types are fine). */
const SQL_BUILDERS = {
  'common/sql': null, // every value it exports
  'pagination/page-query': ['fetchPage', 'fetchPagesByParent'],
  'row-mapper': ['selectEntities', 'readEntities'],
  'pagination/keyset': ['afterCursor'],
};

/** In builder mode: the deprecated string fragments, which only the callers outside the core still use. */
const STRING_FRAGMENTS = {
  'common/sql': ['inList', 'sqlIn', 'and', 'containsCondition', 'fromSqlCondition', 'orderBySqlText'],
  'row-mapper': ['selectEntities'],
};

export const looksLikeSql = (text) => SQL_PATTERNS.some((p) => p.test(text));

function builderNames(source, builders = SQL_BUILDERS) {
  for (const [suffix, names] of Object.entries(builders)) {
    if (source.endsWith(suffix) || source.endsWith(`${suffix}.ts`)) return names ?? '*';
  }
  return null;
}

const MESSAGE =
  'SQL belongs in a repository (src/<module>/repository/) or an engine adapter; see docs/architecture.md';

const BUILDER_MESSAGE =
  'build the statement with Knex; an expression Knex lacks is a named helper of src/common/sql.ts (docs/architecture.md)';

/** The checks of a folder converted to the Knex builder: no SQL text, no raw calls, no string statements. */
function builderMode(context) {
  return {
    CallExpression(node) {
      const callee = node.callee;
      if (callee.type === 'Identifier' && callee.name === 'raw') {
        context.report({ node: callee, messageId: 'rawCall', data: { name: 'raw' } });
        return;
      }
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
        return;
      const name = callee.property.name;
      if (!BUILDER_MODE_CALLS.has(name) && !isRawCall(name)) return;
      if (name === 'raw' && callee.object.type === 'Identifier' && callee.object.name === 'String') return;
      context.report({ node: callee.property, messageId: 'rawCall', data: { name } });
    },
    Literal(node) {
      if (typeof node.value === 'string' && looksLikeSql(node.value))
        context.report({ node, messageId: 'builderText' });
    },
    TemplateLiteral(node) {
      if (looksLikeSql(node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('x')))
        context.report({ node, messageId: 'builderText' });
    },
    ImportDeclaration(node) {
      if (node.importKind === 'type') return;
      const names = builderNames(String(node.source.value), STRING_FRAGMENTS);
      if (!names) return;
      for (const spec of node.specifiers) {
        if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') continue;
        const name = spec.imported.name ?? spec.imported.value;
        if (names.includes(name)) context.report({ node: spec, messageId: 'fragment', data: { name } });
      }
    },
  };
}

export const noRawSql = {
  meta: {
    type: 'problem',
    docs: { description: 'no SQL outside the repositories and the engine adapters' },
    messages: {
      call: `{{name}}(): ${MESSAGE}`,
      text: `this text reads as SQL: ${MESSAGE}`,
      builder: `{{name}} builds SQL: ${MESSAGE}`,
      rawCall: `{{name}}(): ${BUILDER_MESSAGE}`,
      builderText: `this text reads as SQL: ${BUILDER_MESSAGE}`,
      fragment: `{{name}} is a deprecated SQL string fragment: ${BUILDER_MESSAGE}`,
    },
    schema: [
      {
        type: 'object',
        properties: { builder: { type: 'boolean' } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    if (context.options[0]?.builder) return builderMode(context);
    const check = (node, text) => {
      if (looksLikeSql(text)) context.report({ node, messageId: 'text' });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier')
          return;
        const name = callee.property.name;
        if (!STATEMENT_CALLS.has(name)) return;
        // String.raw is a template tag, not a statement.
        if (name === 'raw' && callee.object.type === 'Identifier' && callee.object.name === 'String') return;
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
