import { renderJson } from './render-json';
import { ReportDocument } from './report-document';
import { sampleReportDocument } from './sample-report-document';

describe('renderJson', () => {
  it('is the document itself', () => {
    const document = sampleReportDocument();
    expect(JSON.parse(renderJson(document))).toEqual(document);
  });

  it('gives the same bytes whatever order the keys were set in', () => {
    const a: ReportDocument = {
      kind: 'k',
      title: 't',
      generatedAt: '2026-01-01T00:00:00Z',
      parameters: { b: '2', a: '1' },
      notes: [],
      sections: [],
    };
    const b: ReportDocument = {
      sections: [],
      notes: [],
      parameters: { a: '1', b: '2' },
      generatedAt: '2026-01-01T00:00:00Z',
      title: 't',
      kind: 'k',
    };
    expect(renderJson(a)).toBe(renderJson(b));
    expect(renderJson(a)).toBe(
      '{\n  "generatedAt": "2026-01-01T00:00:00Z",\n  "kind": "k",\n  "notes": [],\n' +
        '  "parameters": {\n    "a": "1",\n    "b": "2"\n  },\n  "sections": [],\n  "title": "t"\n}\n',
    );
  });

  it('drops undefined properties', () => {
    const document: ReportDocument = { ...sampleReportDocument(), subtitle: undefined };
    expect(renderJson(document)).not.toContain('subtitle');
  });
});
