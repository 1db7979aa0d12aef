import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../common/paths';
import { corpusDir } from '../../config';
import { predictOnCorpus, readCorpusAgreement } from './corpus-agreements';
import { LabelRow, parseDevAgreements, parseDevLabels } from './dev-labels';
import { evaluate, EvaluationResult, Prediction, UniverseAgreement } from './evaluate';
import { CodeKappa, kappaPerCode } from './kappa';
import { reliabilityTable, ReliabilityRow } from './reliability';

// The project's own labelled split (test/fixtures/labels, README there): a development part, which rules and
// the confidence calibration may be fitted on, and a test part that is only scored. The shared dev set
// ($CORPUS_DIR/labels) belongs to the development side too: the rules were written while looking at it.

export const LABELS_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'labels');

export interface LabelledPart {
  readonly labels: LabelRow[];
  readonly treatyIdentifiers: string[];
}

function readPart(labelsCsv: string, agreementsCsv: string): LabelledPart {
  return {
    labels: parseDevLabels(readFileSync(labelsCsv, 'utf8')),
    treatyIdentifiers: parseDevAgreements(readFileSync(agreementsCsv, 'utf8'))
      .filter((agreement) => agreement.labelledCompletely)
      .map((agreement) => agreement.treatyIdentifier),
  };
}

/** Our development part or test part. */
export function readSplitPart(part: 'dev' | 'test', dir: string = LABELS_DIR): LabelledPart {
  return readPart(join(dir, `${part}_labels.csv`), join(dir, `${part}_agreements.csv`));
}

/** The shared development set of the corpus (labels/dev_labels.csv). */
export function readSharedDevSet(dir: string = corpusDir()): LabelledPart {
  return readPart(join(dir, 'labels', 'dev_labels.csv'), join(dir, 'labels', 'dev_agreements.csv'));
}

/** Everything rules and calibration may be fitted on: the shared dev set and our development part. */
export function readDevelopmentSide(
  labelsDir: string = LABELS_DIR,
  corpus: string = corpusDir(),
): LabelledPart {
  const shared = readSharedDevSet(corpus);
  const ours = readSplitPart('dev', labelsDir);
  return {
    labels: [...shared.labels, ...ours.labels],
    treatyIdentifiers: [...shared.treatyIdentifiers, ...ours.treatyIdentifiers],
  };
}

export interface SplitEvaluation {
  readonly test: EvaluationResult;
  readonly testAgreements: number;
  /** Reliability of the calibrated confidence on the test part (the calibration saw only the dev side). */
  readonly reliability: ReliabilityRow[];
  /** Cohen's kappa of the two independent passes over all our labelled agreements (both parts). */
  readonly kappa: CodeKappa[];
  readonly kappaArticles: number;
}

/**
 * The evaluation reads the corpus texts (and the shared dev set) from CORPUS_DIR, whose default
 * (../shared/corpus) exists only beside the project: say which directory was looked in and what to set.
 */
function requireCorpus(corpus: string): void {
  const texts = join(corpus, 'tota', 'xml');
  if (!existsSync(texts)) {
    throw new Error(
      `CORPUS_DIR: no ToTA texts in ${texts}; set CORPUS_DIR to the shared corpus (the directory holding ` +
        'tota/xml and labels; default ../shared/corpus, relative to the project)',
    );
  }
}

/** Scores the rules on the test part (texts from CORPUS_DIR) and the double coding's kappa. */
export function evaluateSplit(labelsDir: string = LABELS_DIR, corpus: string = corpusDir()): SplitEvaluation {
  requireCorpus(corpus);
  const test = readSplitPart('test', labelsDir);
  const { universe, predictions } = predictOnCorpus(test.treatyIdentifiers, corpus);
  const result = evaluate(test.labels, universe, predictions);
  const dev = readSplitPart('dev', labelsDir);
  const passes = (name: string) => parseDevLabels(readFileSync(join(labelsDir, name), 'utf8'));
  const kappaUniverse = predictOnCorpusUniverse(
    [...dev.treatyIdentifiers, ...test.treatyIdentifiers],
    corpus,
  );
  return {
    test: result,
    testAgreements: test.treatyIdentifiers.length,
    reliability: reliabilityTable(test.labels, inUniverse(predictions, universe)),
    kappa: kappaPerCode(passes('first_pass.csv'), passes('second_pass.csv'), kappaUniverse),
    kappaArticles: kappaUniverse.reduce((total, agreement) => total + agreement.articleIdentifiers.length, 0),
  };
}

/**
 * The rules scored on the development side (shared dev set and our development part): the figures to study
 * while changing rules. They say nothing about unseen agreements (the rules were written looking at them).
 */
export function evaluateDevelopmentSide(
  labelsDir: string = LABELS_DIR,
  corpus: string = corpusDir(),
): { result: EvaluationResult; agreements: number } {
  requireCorpus(corpus);
  const dev = readDevelopmentSide(labelsDir, corpus);
  const { universe, predictions } = predictOnCorpus(dev.treatyIdentifiers, corpus);
  return { result: evaluate(dev.labels, universe, predictions), agreements: dev.treatyIdentifiers.length };
}

function predictOnCorpusUniverse(ids: string[], corpus: string): UniverseAgreement[] {
  return ids.map((id) => {
    const agreement = readCorpusAgreement(id, corpus);
    return { treatyIdentifier: id, articleIdentifiers: agreement.articleIdentifiers };
  });
}

function inUniverse(predictions: Prediction[], universe: UniverseAgreement[]): Prediction[] {
  const articles = new Set(
    universe.flatMap((u) => u.articleIdentifiers.map((id) => `${u.treatyIdentifier}\u0000${id}`)),
  );
  return predictions.filter((p) => articles.has(`${p.treatyIdentifier}\u0000${p.articleIdentifier}`));
}
