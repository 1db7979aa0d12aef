import { neutraliseFormula } from '../common/spreadsheet-formula';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { Agreement } from '../agreements/agreement.entity';
import { normalizeWhitespace } from './text/normalize-whitespace';
import { readAgreementRecord } from './agreement-record.reader';
import { AgreementRecord } from '../agreements/agreement-record.schema';

export type ExportKind = 'agreements' | 'provisions' | 'annotations';
export type ExportFormat = 'csv' | 'json';

export const EXPORT_FORMAT_ID = 'clause-tracker/agreements';
export const EXPORT_VERSION = 1;

export const ANNOTATION_COLUMNS = [
  'agreement_source',
  'agreement_external_id',
  'agreement_slug',
  'provision_external_id',
  'provision_label',
  'code',
  'detail',
  'binding_force',
  'location',
  'confidence',
  'status',
  'origin',
  'rule_id',
  'evidence',
] as const;

const AGREEMENT_COLUMNS = [
  'slug',
  'title',
  'short_title',
  'kind',
  'types',
  'status',
  'date_signed',
  'date_provisionally_applied',
  'date_in_force',
  'date_terminated',
  'parties',
  'wto_rta_id',
  'tota_id',
  'desta_number',
  'language',
  'origin',
  'provisions',
  'annotations',
] as const;

const PROVISION_COLUMNS = [
  'agreement_slug',
  'pinpoint',
  'location',
  'chapter_number',
  'chapter_title',
  'article_number',
  'article_title',
  'position',
  'language',
  'external_id',
  'summary',
  'text',
] as const;

type Row = Record<string, string | number | null>;

function annotationRows(record: AgreementRecord): Row[] {
  const fromTota = Boolean(record.externalIds.totaId);
  return record.provisions.flatMap((p) =>
    p.annotations.map((a) => ({
      agreement_source: fromTota ? 'tota' : (record.origin ?? ''),
      agreement_external_id: (fromTota ? record.externalIds.totaId : record.externalIds.wtoRtaId) ?? '',
      agreement_slug: record.slug,
      provision_external_id: p.externalId ?? '',
      provision_label: p.location === 'PREAMBLE' ? 'Preamble' : (p.articleNumber ?? p.articleTitle ?? p.key),
      code: a.code,
      detail: a.detail.join(';'),
      binding_force: a.bindingForce ?? '',
      location: p.location,
      confidence: a.confidence ?? '',
      status: a.status,
      origin: a.origin,
      rule_id: a.ruleId ?? '',
      evidence: normalizeWhitespace(a.evidence?.quote ?? ''),
    })),
  );
}

function provisionRows(record: AgreementRecord): Row[] {
  return record.provisions.map((p) => ({
    agreement_slug: record.slug,
    pinpoint: `${record.slug}/${p.key}`,
    location: p.location,
    chapter_number: p.chapterNumber ?? '',
    chapter_title: p.chapterTitle ?? '',
    article_number: p.articleNumber ?? '',
    article_title: p.articleTitle ?? '',
    position: p.position ?? '',
    language: p.language ?? '',
    external_id: p.externalId ?? '',
    summary: p.summary ?? '',
    text: p.text ?? '',
  }));
}

function agreementRow(record: AgreementRecord): Row {
  return {
    slug: record.slug,
    title: record.title,
    short_title: record.shortTitle ?? '',
    kind: record.kind,
    types: record.types.join(';'),
    status: record.status,
    date_signed: record.dateSigned ?? '',
    date_provisionally_applied: record.dateProvisionallyApplied ?? '',
    date_in_force: record.dateInForce ?? '',
    date_terminated: record.dateTerminated ?? '',
    parties: record.parties.map((p) => p.code).join(';'),
    wto_rta_id: record.externalIds.wtoRtaId ?? '',
    tota_id: record.externalIds.totaId ?? '',
    desta_number: record.externalIds.destaNumber ?? '',
    language: record.language ?? '',
    origin: record.origin ?? '',
    provisions: record.provisions.length,
    annotations: record.provisions.reduce((n, p) => n + p.annotations.length, 0),
  };
}

/** Streams one export to `out`, one agreement at a time, so that memory stays flat on the whole corpus. */
@Injectable()
export class ExportService {
  constructor(private readonly orm: MikroORM) {}

  async export(
    kind: ExportKind,
    format: ExportFormat,
    out: Writable,
    agreementSlug?: string,
  ): Promise<number> {
    const root = this.orm.em.fork() as EntityManager;
    const where = agreementSlug ? { slug: agreementSlug } : {};
    const ids = (await root.find(Agreement, where, { fields: ['id'], orderBy: { id: 'asc' } })).map(
      (a) => a.id,
    );
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    let csv: ReturnType<typeof stringify> | undefined;
    let count = 0;
    if (format === 'csv') {
      const columns =
        kind === 'annotations'
          ? ANNOTATION_COLUMNS
          : kind === 'provisions'
            ? PROVISION_COLUMNS
            : AGREEMENT_COLUMNS;
      // Text cells that a spreadsheet would run as a formula are neutralised, as in the report CSVs.
      csv = stringify({ header: true, columns: [...columns], cast: { string: neutraliseFormula } });
      csv.pipe(out, { end: false });
    } else if (kind === 'agreements') {
      await write(`{"format":"${EXPORT_FORMAT_ID}","version":${EXPORT_VERSION},"agreements":[\n`);
    } else {
      await write('[\n');
    }
    for (const id of ids) {
      const em = root.fork();
      const record = await readAgreementRecord(em, await em.findOneOrFail(Agreement, { id }));
      const rows =
        kind === 'agreements'
          ? [format === 'csv' ? agreementRow(record) : record]
          : kind === 'provisions'
            ? provisionRows(record)
            : annotationRows(record);
      for (const row of rows) {
        if (csv) {
          if (!csv.write(row)) await once(csv, 'drain');
        } else {
          await write(`${count ? ',\n' : ''}${JSON.stringify(row)}`);
        }
        count++;
      }
    }
    if (csv) {
      csv.end();
      await once(csv, 'end');
    } else {
      await write(kind === 'agreements' ? '\n]}\n' : '\n]\n');
    }
    return count;
  }
}
