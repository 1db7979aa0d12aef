import { MetadataStorage, UnderscoreNamingStrategy } from '@mikro-orm/core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../common/paths';
import { PROVISION_FIELDS } from '../provisions/provision-fields';
import { provisionSnapshot } from '../provisions/provision-snapshot';
import { Provision } from '../provisions/provision.entity';
import { AGREEMENT_DATE_FIELDS, AGREEMENT_FIELDS, columnName } from './agreement-fields';
import { AgreementParty, agreementPartyValues } from './agreement-party.entity';
import {
  agreementPartyRecordSchema,
  agreementRecordSchema,
  provisionRecordSchema,
} from './agreement-record.schema';
import { agreementSnapshot, partyRecord } from './agreement-snapshot';
import { PartyRole } from './agreement.enums';
import { Agreement } from './agreement.entity';

const entityProperties = (entity: object) =>
  Object.keys(MetadataStorage.getMetadataFromDecorator(entity as never).properties);

describe('the agreement and provision field lists (one definition each)', () => {
  it('names properties of the entities, whose columns are the snake_case names', () => {
    const naming = new UnderscoreNamingStrategy();
    const agreement = entityProperties(Agreement);
    for (const field of AGREEMENT_FIELDS.filter((f) => f !== 'types')) {
      expect(agreement).toContain(field);
      expect(columnName(field)).toBe(naming.propertyToColumnName(field));
    }
    const provision = entityProperties(Provision);
    for (const field of PROVISION_FIELDS) {
      expect(provision).toContain(field);
      expect(columnName(field)).toBe(naming.propertyToColumnName(field));
    }
    expect(AGREEMENT_FIELDS).toEqual(expect.arrayContaining([...AGREEMENT_DATE_FIELDS]));
  });

  it('is the head of the record formats, in its order', () => {
    expect(Object.keys(agreementRecordSchema.shape).slice(0, AGREEMENT_FIELDS.length)).toEqual(
      AGREEMENT_FIELDS,
    );
    expect(Object.keys(provisionRecordSchema.shape)).toEqual([...PROVISION_FIELDS, 'annotations']);
  });

  it('is the head of the audit snapshots, in its order', () => {
    const agreement = Object.fromEntries(
      entityProperties(Agreement).map((p) => [p, null]),
    ) as unknown as Agreement;
    const keys = Object.keys(agreementSnapshot(agreement, [], []));
    expect(keys.slice(0, AGREEMENT_FIELDS.length)).toEqual(AGREEMENT_FIELDS);
    const provision = Object.fromEntries(
      entityProperties(Provision).map((p) => [p, null]),
    ) as unknown as Provision;
    expect(Object.keys(provisionSnapshot(provision))).toEqual([
      ...PROVISION_FIELDS.flatMap((f) => (f === 'text' ? ['textLength', 'textStart'] : [f])),
      'version',
    ]);
  });

  it("lists an agreement's party the same at every door: record, snapshot, row values, entity, reader, GraphQL", () => {
    const fields = Object.keys(agreementPartyRecordSchema.shape);
    const row = Object.fromEntries(
      entityProperties(AgreementParty).map((p) => [p, p === 'party' ? { code: 'CHE' } : null]),
    ) as unknown as AgreementParty;
    expect(Object.keys(partyRecord(row))).toEqual(fields);
    expect(
      Object.keys(agreementPartyValues({ code: 'CHE', role: PartyRole.ORIGINAL, signatoryOnly: false })),
    ).toEqual(fields);
    // The row's properties: the party's code as `party`, and its id and agreement, which a record does not repeat.
    expect(
      entityProperties(AgreementParty)
        .filter((p) => !['id', 'agreement'].includes(p))
        .map((p) => (p === 'party' ? 'code' : p))
        .sort(),
    ).toEqual([...fields].sort());
    const reader = readFileSync(join(PROJECT_ROOT, 'src/ingest/agreement-record.reader.ts'), 'utf8');
    for (const field of fields.filter((f) => f !== 'code'))
      expect(reader).toContain(
        `${field}: ${field === 'withdrawn' || field === 'signatoryOnly' ? 'Boolean(' : ''}p.${columnName(field)}`,
      );
    const schema = readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8');
    const block = (head: string) =>
      schema.slice(schema.indexOf(head), schema.indexOf('\n}', schema.indexOf(head)));
    for (const field of fields) {
      expect(block('input AgreementPartyInput {')).toMatch(new RegExp(`\\n  ${field}: `));
      if (field !== 'code') expect(block('type AgreementParty {')).toMatch(new RegExp(`\\n  ${field}: `));
    }
  });

  /**
   * A hand-written copy of a list: the distinctive run of names within a few lines. The places listed here
   * declare a different thing on purpose (say why); any other file must use AGREEMENT_FIELDS or PROVISION_FIELDS.
   */
  const DELIBERATE: Record<string, string> = {
    'src/agreements/agreement-fields.ts': 'the definition',
    'src/provisions/provision-fields.ts': 'the definition',
    'src/agreements/agreement-record.schema.ts':
      'one zod schema per field, checked against the lists by the compiler',
    'src/ingest/tota-record.ts':
      'a conversion from ToTA: each fact computed from the treaty file differently',
    'src/ingest/tota/tota-provisions.ts': 'a conversion from ToTA articles',
    'src/ingest/text/split-articles.ts': 'headings found in a plain text',
    'src/ingest/text-import.service.ts': 'headings found in a plain text',
    'src/web/pages/agreement.page.ts':
      "the record download's GraphQL selection, whose key order downloads keep",
    'src/web/pages/provision.page.ts': "a page's GraphQL selection: what it shows, not the record",
    'src/web/pages/search.page.ts':
      "a page's GraphQL selection: the headings a hit is cited by (its chapter too)",
    'src/web/views/draft-check.ts':
      "a page's GraphQL selection: the headings a precedent is cited by (its chapter too)",
    'src/web/pages/review.page.ts':
      "a page's GraphQL selection: the headings a proposal's article is cited by (its chapter too)",
    'src/search/draft/draft-articles.ts': 'the headings of a drafted text',
    'src/annotations/rules/annotator.types.ts': "the annotator's view of a provision (headings only)",
    'src/annotations/rule-annotation.service.ts': "the annotator's view of a provision (headings only)",
    'src/reports/repository/report-queries.ts':
      "the reports' agreement (ReportAgreement's fields and the id), no kind nor types",
    'src/reports/coherence/coherence-compute.ts':
      "the reports' agreement (ReportAgreement's fields and the id)",
    'src/reports/coherence/coherence-facts.ts': "the reports' provision: headings for citing it",
    'src/ingest/export.service.ts':
      'the provision CSV (PROVISION_COLUMNS): a reading table with the pinpoint and its address, no section headings',
    'src/provisions/dto/provision-mutation.inputs.ts':
      'the GraphQL input of updateProvision: one decorated field each, with its validators and description',
    'src/reports/repository/coherence.repository.ts': "the reports' provision: headings for citing it",
    'src/reports/common/report.types.ts':
      'the GraphQL type ReportAgreement: one decorated field each, with its description',
    'src/ingest/repository/export.repository.ts': "the provision CSV's rows (PROVISION_COLUMNS), read in SQL",
    'src/provisions/cited-chapters.ts':
      'the columns of a provision row citedChapters reads: its chapter, and whether it has a number or a title',
  };
  const RUNS = [
    ['shortTitle', 'dateProvisionallyApplied', 'dateInForce', 'dateTerminated'],
    ['short_title', 'date_provisionally_applied', 'date_in_force', 'date_terminated'],
    ['chapterNumber', 'chapterTitle', 'articleNumber', 'articleTitle'],
    ['chapter_number', 'chapter_title', 'article_number', 'article_title'],
  ];

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
    });
  }

  /** Files holding the run of names within 600 characters of its first name. */
  function handWritten(text: string): boolean {
    return RUNS.some(([first, ...rest]) => {
      for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1))
        if (rest.every((name) => text.slice(at, at + 600).includes(name))) return true;
      return false;
    });
  }

  it('is not written again by hand outside the deliberate places', () => {
    const found = sources(join(PROJECT_ROOT, 'src'))
      .filter((path) => handWritten(readFileSync(path, 'utf8')))
      .map((path) => relative(PROJECT_ROOT, path));
    expect(found.filter((path) => !(path in DELIBERATE))).toEqual([]);
  });

  it('would find a list written by hand', () => {
    expect(
      handWritten(
        `{ slug, shortTitle: a.x, dateSigned, dateProvisionallyApplied: 1, dateInForce, dateTerminated }`,
      ),
    ).toBe(true);
    expect(handWritten(`select "chapter_number", "chapter_title", "article_number", "article_title"`)).toBe(
      true,
    );
    expect(handWritten(`${AGREEMENT_FIELDS.join(' ')}`)).toBe(true);
    expect(handWritten('AGREEMENT_FIELDS.map(columnName)')).toBe(false);
  });
});
