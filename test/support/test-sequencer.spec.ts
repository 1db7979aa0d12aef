import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * With no timings from an earlier run (a fresh checkout, CI's clean clone), jest starts the largest test files
 * first. A grouped end-to-end file is a few lines of imports: weighed by its own size, every group ran last, and
 * the two workers could end a whole group apart. The configured sequencer weighs it with its parts.
 */
const ROOT = join(__dirname, '..', '..');
const E2E = join(ROOT, 'test', 'e2e');
const jestConfig = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { jest: Record<string, string> }
).jest;

interface SequencedTest {
  path: string;
  duration?: number;
  context: {
    config: { cacheDirectory: string; id: string };
    hasteFS: { getSize(path: string): number | null };
  };
}
type SequencerClass = new () => { sort(tests: SequencedTest[]): SequencedTest[] };

describe("jest's order of test files", () => {
  const cacheDirectory = mkdtempSync(join(tmpdir(), 'ct-sequencer-'));
  afterAll(() => rmSync(cacheDirectory, { recursive: true, force: true }));

  const specs = readdirSync(E2E).filter((name) => name.endsWith('.e2e-spec.ts'));
  const partsOf = (spec: string) =>
    [...readFileSync(join(E2E, spec), 'utf8').matchAll(/^import '\.\/([\w.-]+\.e2e-part)';$/gm)].map(
      (m) => `${m[1]}.ts`,
    );
  const groups = specs.filter((name) => partsOf(name).length > 0);
  const sizeOf = (name: string) => statSync(join(E2E, name)).size;

  it('is configured', () => {
    expect(jestConfig.testSequencer).toBe('<rootDir>/test/support/test-sequencer.js');
  });

  it('with no timings, runs a grouped file where the sizes of its parts together place it', () => {
    const Sequencer = jest.requireActual<SequencerClass>(jestConfig.testSequencer.replace('<rootDir>', ROOT));
    const context = {
      config: { cacheDirectory, id: 'sequencer-spec' },
      hasteFS: { getSize: (path: string) => statSync(path).size },
    };
    const order = new Sequencer()
      .sort(specs.map((name) => ({ path: join(E2E, name), context })))
      .map((test) => test.path.slice(E2E.length + 1));

    expect(groups.length).toBeGreaterThanOrEqual(5);
    for (const group of groups) {
      const parts = partsOf(group);
      const weight = sizeOf(group) + parts.reduce((sum, part) => sum + sizeOf(part), 0);
      const before = order.slice(0, order.indexOf(group));
      const after = order.slice(order.indexOf(group) + 1);
      expect(before.filter((name) => !groups.includes(name) && sizeOf(name) < weight)).toEqual([]);
      expect(after.filter((name) => !groups.includes(name) && sizeOf(name) > weight)).toEqual([]);
    }
  });
});
