import { Command, CommandRunner, Option } from 'nest-commander';
import { formatKappa, formatReliability, formatReport } from '../evaluation/format-report';
import { evaluateDevelopmentSide, evaluateSplit } from '../evaluation/label-split';
import { AnnotationEvaluationService } from '../annotation-evaluation.service';
import { CLI_COMMANDS } from '../../cli-commands';

@Command(CLI_COMMANDS.evaluate)
export class EvaluateCommand extends CommandRunner {
  constructor(private readonly evaluation: AnnotationEvaluationService) {
    super();
  }

  async run(
    _args: string[],
    options: { labels?: string; agreements?: string; stored?: boolean; dev?: boolean },
  ): Promise<void> {
    if (options.dev) {
      this.printDevelopmentSide();
      return;
    }
    if (!options.labels && !options.agreements) {
      this.printSplit();
      return;
    }
    if (!options.labels || !options.agreements) {
      console.error('evaluate: --labels <csv> and --agreements <csv> go together (or give neither)');
      process.exitCode = 2;
      return;
    }
    const result = await this.evaluation.evaluateFiles(options.labels, options.agreements, {
      stored: options.stored,
    });
    console.log(
      options.stored ? 'Stored annotations (not rejected):' : 'The annotation rules on the catalogue texts:',
    );
    console.log(formatReport(result));
  }

  /** The project's held-out test part, scored from the corpus texts (no import needed). */
  private printSplit(): void {
    const result = evaluateSplit();
    console.log(
      [
        `Test part of test/fixtures/labels: ${result.testAgreements} agreements, ${result.test.universeSize} ` +
          'articles, the rules on the corpus texts (CORPUS_DIR). Rules and confidence were fitted on the ' +
          'development side only (the corpus dev set and the dev part).',
        '',
        formatReport(result.test),
        '',
        formatKappa(result.kappa, result.kappaArticles),
        '',
        'Reliability of the confidence on the test part (calibrated on the development side):',
        formatReliability(result.reliability),
      ].join('\n'),
    );
  }

  /** The development side, for studying errors while changing rules (never the test part). */
  private printDevelopmentSide(): void {
    const { result, agreements } = evaluateDevelopmentSide();
    console.log(
      `Development side (corpus dev set + dev part of test/fixtures/labels): ${agreements} agreements, ` +
        `${result.universeSize} articles; the rules were written looking at these, so the figures are not a ` +
        'measure of accuracy on unseen agreements.\n\n' +
        formatReport(result),
    );
  }

  @Option({
    flags: '--dev',
    description: 'score the rules on the development side instead (to study errors while changing rules)',
  })
  parseDev(): boolean {
    return true;
  }

  @Option({ flags: '--labels <csv>', description: 'labels, one row per (article, code)' })
  parseLabels(value: string): string {
    return value;
  }

  @Option({
    flags: '--stored',
    description: "score the catalogue's stored annotations (not rejected) instead of the rules",
  })
  parseStored(): boolean {
    return true;
  }

  @Option({ flags: '--agreements <csv>', description: 'the labelled agreements (the universe)' })
  parseAgreements(value: string): string {
    return value;
  }
}
