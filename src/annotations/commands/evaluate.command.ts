import { Command, CommandRunner, Option } from 'nest-commander';
import { formatReport } from '../evaluation/format-report';
import { AnnotationEvaluationService } from '../annotation-evaluation.service';

@Command({
  name: 'evaluate',
  description: 'Precision, recall and F1 of the annotations against hand labels (format of corpus/labels)',
})
export class EvaluateCommand extends CommandRunner {
  constructor(private readonly evaluation: AnnotationEvaluationService) {
    super();
  }

  async run(
    _args: string[],
    options: { labels?: string; agreements?: string; stored?: boolean },
  ): Promise<void> {
    if (!options.labels || !options.agreements) {
      console.error('evaluate: --labels <csv> and --agreements <csv> are required');
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
