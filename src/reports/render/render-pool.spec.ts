import ExcelJS from 'exceljs';

import { closeRenderPool, RenderPool } from './render-pool';
import { renderReport, renderReportHere } from './render-report';
import { ReportDocument } from './report-document';
import { sampleReportDocument } from './sample-report-document';
import { DomainError, ErrorCode } from '../../common/errors';

/** The sample document with a findings table of `rows` rows (texts, links, numbers, dates, shading). */
function largeDocument(rows: number): ReportDocument {
  const document = sampleReportDocument();
  const findings = document.sections[0];
  const model = findings.table!.rows;
  return {
    ...document,
    sections: [
      {
        ...findings,
        table: { ...findings.table!, rows: Array.from({ length: rows }, (_, i) => model[i % model.length]) },
      },
      ...document.sections.slice(1),
    ],
  };
}

async function sheets(body: Buffer | string): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues()]);
}

afterAll(() => closeRenderPool());

describe('renderReport on the render workers', () => {
  it('keeps the event loop turning, at least once a row, while a 5,000-row workbook is written', async () => {
    const rows = 5_000;
    let turns = 0;
    let writing = true;
    const turn = () => {
      turns++;
      if (writing) setImmediate(turn);
    };
    setImmediate(turn);
    const rendered = await renderReport(largeDocument(rows), 'xlsx');
    writing = false;
    // Written on this thread (renderReportHere), the same workbook let the event loop turn 125 times in all.
    expect(turns).toBeGreaterThan(rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rendered.body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Findings')!.rowCount).toBe(rows + 1);
  });

  it('writes the same files as the calling thread would', async () => {
    const document = sampleReportDocument();
    for (const format of ['html', 'md', 'json'] as const)
      expect(await renderReport(document, format)).toEqual(await renderReportHere(document, format));
    const options = { linkBaseUrl: 'https://t.example/app/' };
    const [there, here] = await Promise.all([
      renderReport(document, 'xlsx', options),
      renderReportHere(document, 'xlsx', options),
    ]);
    expect(Buffer.isBuffer(there.body)).toBe(true);
    expect(await sheets(there.body)).toEqual(await sheets(here.body));
    const zip = await renderReport(document, 'zip');
    expect(Buffer.isBuffer(zip.body)).toBe(true);
    expect(zip.body).toEqual((await renderReportHere(document, 'zip')).body);
  });

  it('fails a document the worker cannot be sent, and writes the next file', async () => {
    const pool = new RenderPool({ size: 1, queue: 1, idleMs: 1_000 });
    try {
      const document = sampleReportDocument();
      const uncopyable = { ...document, parameters: { country: (() => 'x') as unknown as string } };
      await expect(pool.render(uncopyable, 'md', {})).rejects.toThrow(/could not be cloned/);
      expect((await pool.render(document, 'md', {})).body).toBe(
        (await renderReportHere(document, 'md')).body,
      );
    } finally {
      await pool.close();
    }
  });

  it('refuses a file past the bounded queue with 503 SERVICE_UNAVAILABLE and a retry delay, and writes the others', async () => {
    const pool = new RenderPool({ size: 1, queue: 1, idleMs: 1_000 });
    try {
      const document = sampleReportDocument();
      const files = [0, 1, 2].map(() => pool.render(document, 'md', {}));
      const [first, second, third] = await Promise.allSettled(files);
      expect(first.status).toBe('fulfilled');
      expect(second.status).toBe('fulfilled');
      expect(third.status).toBe('rejected');
      const refusal = (third as PromiseRejectedResult).reason as DomainError;
      expect(refusal.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(refusal.details.retryAfter).toBeGreaterThan(0);
      expect(refusal.message).toMatch(/try again/);
    } finally {
      await pool.close();
    }
  });

  it('contains a worker that dies while writing: that file fails, the file waiting gets a new worker', async () => {
    const pool = new RenderPool({ size: 1, queue: 2, idleMs: 1_000 });
    try {
      const document = sampleReportDocument();
      const [dying, waiting] = [pool.render(document, 'xlsx', {}), pool.render(document, 'md', {})];
      // The worker's thread ends as an out-of-memory abort would end it, while the first file is being written.
      const slots = (pool as unknown as { slots: Set<{ worker: { terminate(): Promise<number> } }> }).slots;
      await [...slots][0].worker.terminate();
      await expect(dying).rejects.toThrow(/the render worker stopped/);
      expect((await waiting).body).toBe((await renderReportHere(document, 'md')).body);
      expect((await pool.render(document, 'md', {})).body).toBe(
        (await renderReportHere(document, 'md')).body,
      );
    } finally {
      await pool.close();
    }
  });
});
