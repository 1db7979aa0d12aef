import {
  attribute,
  codeAt,
  millionsPer,
  readPerfMap,
  roundsLine,
  sourceOf,
} from '../../bench/api/callgrind-dump';

// A dump as callgrind writes it with `--instr-atstart=no` and names compressed: JIT code is named by its address
// only (0x...), which V8's perf map names.
const DUMP = [
  '# callgrind format',
  'events: Ir',
  'fn=(1) 0x0000000000001010',
  '0 100',
  'cfn=(2) Builtins_KeyedLoadIC_Megamorphic',
  'calls=3 0',
  '0 40',
  'cfn=(3) Builtins_CallFunction_ReceiverIsAny',
  'calls=1 0',
  '0 400',
  'fn=(2)',
  '0 60',
  'fn=(3)',
  '0 10',
  'cfn=(4) 0x0000000000002040',
  'calls=1 0',
  '0 390',
  'fn=(4)',
  '+2 390',
  'fn=(7) 0x0000000000003004',
  '0 5',
  'cfn=(2)',
  'calls=1 0',
  '0 20',
  'fn=(8) 0x0000000000009000',
  '0 8',
  'fn=(5) v8::internal::compiler::GraphReducer::ReduceTop()',
  '0 1000',
  'fn=(6) sqlite3VdbeExec',
  '0 70',
].join('\n');

const MAP = [
  '1000 100 JS:*where /w/node_modules/knex/lib/query/querycompiler.js:619:8',
  // Code moved: the later entry at an address is the code there.
  '2000 80 JS:*old /w/node_modules/graphql/execution/execute.js:1:1',
  '2000 80 JS:*executeFields /w/node_modules/graphql/execution/execute.js:651:23',
  '3000 10 JS:~ /w/dist/src/common/row-mapper.js:42:74',
].join('\n');

describe('attribute (callgrind instructions by JavaScript function)', () => {
  const a = attribute(DUMP, readPerfMap(MAP));

  it('counts every instruction once, the compilers apart, as lastDump does', () => {
    expect(a.count).toEqual({ total: 1643, compiler: 1000, collector: 0 });
  });

  it('gives a function its own instructions and its share of the native code it called, not the JavaScript that ran beneath', () => {
    expect(Object.fromEntries(a.byFunction)).toEqual({
      // 100 of its own, 40 of the inline cache's 60 (its call cost 40 of 60), the call trampoline's 10.
      'JS:*where /w/node_modules/knex/lib/query/querycompiler.js:619:8': 150,
      'JS:*executeFields /w/node_modules/graphql/execution/execute.js:651:23': 390,
      'JS:~ /w/dist/src/common/row-mapper.js:42:74': 25,
      'JS: (unnamed)': 8,
    });
    expect(Object.fromEntries(a.bySource)).toEqual({
      knex: 150,
      graphql: 390,
      'app:common': 25,
      'unnamed JIT code': 8,
    });
    expect(a.unattributed).toBe(70);
  });

  it('names an address after the last code the map puts there', () => {
    const map = readPerfMap(
      ['1000 400 JS:*old /w/a.js:1:1', '1100 20 JS:*moved /w/b.js:1:1', '1000 10 JS:*new /w/c.js:1:1'].join(
        '\n',
      ),
    );
    expect(codeAt(map, 0x1005)).toBe('JS:*new /w/c.js:1:1');
    expect(codeAt(map, 0x1105)).toBe('JS:*moved /w/b.js:1:1');
    // Covered by the oldest piece only: still its code.
    expect(codeAt(map, 0x1200)).toBe('JS:*old /w/a.js:1:1');
    expect(codeAt(map, 0x1400)).toBeUndefined();
    expect(codeAt(map, 0x0fff)).toBeUndefined();
  });

  it('names the package, the service module or Node module of a function', () => {
    expect(sourceOf('JS:*x /w/node_modules/@mikro-orm/core/entity/EntityHelper.js:122:20')).toBe(
      '@mikro-orm/core',
    );
    expect(sourceOf('JS:~ /w/dist/src/common/row-mapper.js:42:74')).toBe('app:common');
    expect(sourceOf('JS:*config /w/dist/src/config.js:167:17')).toBe('app:config');
    expect(sourceOf('JS:*promiseInitHook node:internal/async_hooks:320:25')).toBe(
      'node:internal/async_hooks',
    );
    expect(sourceOf('JS:*emit node:events:471:44')).toBe('node:events');
  });
});

describe('roundsLine', () => {
  const count = (total: number, compiler: number, collector: number) =>
    millionsPer({ total: total * 1e6, compiler: compiler * 1e6, collector: collector * 1e6 }, 1);

  it("prints each round's figures, and the mutator's ratio to the first build's round by round", () => {
    const first = [count(10, 1, 1), count(12, 1, 1)];
    const second = [count(9, 0.5, 0.5), count(15, 2, 2)];
    expect(roundsLine(first, null)).toBe(
      'mutator 8.000 10.000; in all 10.000 12.000 (compiler 1.000 1.000, collector 1.000 1.000)',
    );
    expect(roundsLine(second, first)).toBe(
      "mutator 8.000 11.000; in all 9.000 15.000 (compiler 0.500 2.000, collector 0.500 2.000); mutator's ratio to the first 1.000 1.100",
    );
  });
});
