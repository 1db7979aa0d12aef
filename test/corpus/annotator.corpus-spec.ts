import { readFileSync } from 'node:fs';
import { AnnotationEvaluationService } from '../../src/annotations/annotation-evaluation.service';
import { parseDevAgreements } from '../../src/annotations/evaluation/dev-labels';
import { EvaluationResult } from '../../src/annotations/evaluation/evaluate';
import { formatReport } from '../../src/annotations/evaluation/format-report';
import { devLabelFiles, totaFile } from '../support/corpus';
import { startTestApp, TestApp } from '../support/test-app';
import { importers } from '../../src/ingest/importers';

// The product's own path: import the 8 hand-labelled ToTA agreements (which annotates them), then score the
// stored annotations with the `evaluate` command's service against the dev labels (labels/README.md).
describe('annotator accuracy on the labelled dev agreements', () => {
  let t: TestApp;
  let result: EvaluationResult;

  beforeAll(async () => {
    t = await startTestApp();
    const files = devLabelFiles();
    const treatyIds = parseDevAgreements(readFileSync(files.agreements, 'utf8')).map(
      (a) => a.treatyIdentifier,
    );
    const summary = await importers(t.app).tota.import({
      paths: treatyIds.map((id) => totaFile(id)),
      annotate: true,
    });
    expect(summary.failures).toEqual([]);
    result = await t.app.get(AnnotationEvaluationService).evaluateFiles(files.labels, files.agreements);
    console.log(formatReport(result));
  });
  afterAll(() => t.close());

  it('scores every article of the 8 agreements', () => {
    expect(result.universeSize).toBe(2359);
  });

  it('reaches micro F1 >= 0.85 on all rows', () => {
    expect(result.all.micro.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('recalls at least 80% of every code with 3 or more positives', () => {
    const weak = result.all.perCode
      .filter((score) => score.positives >= 3 && (score.recall ?? 0) < 0.8)
      .map((score) => `${score.code} ${score.tp}/${score.positives}`);
    expect(weak).toEqual([]);
  });
});
