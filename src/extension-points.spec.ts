import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_SETS, MANUAL_ONLY_CODES } from './annotations/rules/rule-sets';
import { PROJECT_ROOT } from './common/paths';
import { IMPORT_FORMAT_NAMES, IMPORT_FORMATS } from './ingest/import-formats';
import { REPORT_KINDS, ReportKind } from './reports/common/report-request';
import { TaxonomyCodeId } from './taxonomy/taxonomy-code.enum';

/*
 * The walkthrough of docs/architecture.md ("Where things go"), as a test: for each kind of extension, the files a
 * new one touches. Every place is checked on every one that exists today (the file exists, or names it), so the
 * list is what adding the next one takes; and the count is the number the architecture page promises. The
 * registries' own tests (rule-sets.spec.ts, importers.spec.ts, the REPORTS test in reports.e2e-part.ts) fail when
 * one of the places is forgotten.
 */

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
/** `text` as a regular expression that matches it literally. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (name: string) => new RegExp(`\\b${name}\\b`);

interface Place {
  /** The file, for one instance. */
  file: (name: string) => string;
  /** What the file must name for the instance; none: the file is the instance's own. */
  names?: (name: string) => RegExp;
  what: string;
}

const ruleFileOf = (code: string) => {
  const set = RULE_SETS.find((s) => s.codes.includes(code as TaxonomyCodeId));
  return `src/annotations/rules/${set?.name ?? '<none>'}.rules.ts`;
};

// The folder, page and menu entry of each report kind (the kind is the name of its HTTP file and command).
const REPORT_HOMES: Record<ReportKind, { folder: string; service: string; page: string; nav: string }> = {
  coherence: { folder: 'coherence', service: 'CoherenceReportService', page: 'party', nav: 'parties' },
  compare: { folder: 'comparison', service: 'ComparisonReportService', page: 'compare', nav: 'compare' },
  trends: { folder: 'trends', service: 'TrendsReportService', page: 'trends', nav: 'trends' },
  flows: { folder: 'flows', service: 'FlowsReportService', page: 'flows', nav: 'flows' },
};
const home = (kind: string) => REPORT_HOMES[kind as ReportKind];

export const EXTENSION_POINTS: Record<
  string,
  { row: string; instances: readonly string[]; places: Place[] }
> = {
  'taxonomy code': {
    row: 'a taxonomy code',
    instances: Object.values(TaxonomyCodeId).filter((c) => !MANUAL_ONLY_CODES.includes(c)),
    places: [
      { file: () => 'src/taxonomy/taxonomy-code.enum.ts', names: word, what: 'the id' },
      { file: () => 'fixtures/taxonomy.json', names: word, what: 'name, definition, detail values' },
      { file: ruleFileOf, names: word, what: 'its rules' },
      {
        file: () => 'src/annotations/rules/rule-sets.ts',
        names: word,
        what: 'its rule set: codes and triggers',
      },
      {
        file: () => 'src/annotations/rules/annotate-agreement.spec.ts',
        names: word,
        what: 'an example per rule (coded the same with and without the screen)',
      },
      {
        file: () => 'src/annotations/rules/rule-confidence.generated.ts',
        names: word,
        what: 'npm run calibrate',
      },
      { file: () => 'src/web/web-enums.ts', names: word, what: "the pages' filters" },
    ],
  },
  'report kind': {
    row: 'a report kind',
    instances: REPORT_KINDS,
    places: [
      { file: (k) => `src/reports/${home(k).folder}/${home(k).folder}-compute.ts`, what: 'the computation' },
      { file: (k) => `src/reports/${home(k).folder}/${home(k).folder}.service.ts`, what: 'loading' },
      { file: (k) => `src/reports/${home(k).folder}/${home(k).folder}-document.ts`, what: 'the document' },
      { file: (k) => `src/reports/${home(k).folder}/${home(k).folder}.types.ts`, what: 'its shapes, once' },
      {
        file: () => 'src/reports/common/report-request.ts',
        names: (k) => new RegExp(`kind: '${k}'`),
        what: 'REPORTS, its request and address',
      },
      {
        file: () => 'src/reports/reports.service.ts',
        names: (k) => new RegExp(`case '${k}'`),
        what: 'compute into a document',
      },
      {
        file: () => 'src/reports/reports-core.module.ts',
        names: (k) => word(home(k).service),
        what: 'the provider',
      },
      {
        file: () => 'src/reports/reports.resolver.ts',
        names: (k) => new RegExp(`kind: '${k}'`),
        what: 'the GraphQL query',
      },
      {
        file: () => 'src/reports/commands/report.command.ts',
        names: (k) => new RegExp(`'${k}'`),
        what: 'the command',
      },
      { file: (k) => `src/web/pages/${home(k).page}.page.ts`, what: 'the page' },
      {
        file: () => 'src/web/web.controller.ts',
        names: (k) => word(`${home(k).page}Page`),
        what: 'its route',
      },
      { file: () => 'src/web/i18n.ts', names: (k) => new RegExp(`'nav\\.${home(k).nav}'`), what: 'texts' },
      {
        file: () => 'test/e2e/reports.e2e-part.ts',
        names: (k) => new RegExp(`\\b${k}: \\{`),
        what: 'a sample request for the registry test',
      },
    ],
  },
  'import format': {
    row: 'an import format',
    instances: IMPORT_FORMAT_NAMES,
    places: [
      { file: (f) => `src/ingest/${f}-import.service.ts`, what: 'the importer' },
      {
        file: () => 'src/ingest/import-formats.ts',
        names: (f) => new RegExp(`^  ${f}: \\{`, 'm'),
        what: 'registry',
      },
      {
        file: () => 'src/ingest/importers.ts',
        names: (f) => new RegExp(`^  ${f}: `, 'm'),
        what: 'its service',
      },
      {
        file: () => 'README.md',
        names: (f) =>
          new RegExp(
            `\\| \`${escape(IMPORT_FORMATS[f as keyof typeof IMPORT_FORMATS].usage.replace('|', '\\|'))}\``,
          ),
        what: "the README's import table",
      },
    ],
  },
};

/** The number in the "files today" column of the architecture page's row. */
function promised(row: string): string {
  const line = read('docs/architecture.md')
    .split('\n')
    .find((l) => l.startsWith(`| ${row} |`));
  return line?.split('|').at(-2)?.trim() ?? '(no row)';
}

describe.each(Object.entries(EXTENSION_POINTS))('a new %s', (_name, point) => {
  it.each(point.instances.map((i) => [i]))('%s is in every place a new one goes', (instance) => {
    const missing = point.places
      .filter((place) => {
        const file = place.file(instance);
        if (!existsSync(join(PROJECT_ROOT, file))) return true;
        return place.names ? !place.names(instance).test(read(file)) : false;
      })
      .map((place) => `${place.file(instance)} (${place.what})`);
    expect(missing).toEqual([]);
  });

  it('touches the number of files docs/architecture.md promises', () => {
    expect(promised(point.row)).toBe(String(point.places.length));
  });
});
