import { ImportSummary } from './import-summary';
import { Progress } from './progress';

/** What the command line (or a test) asks an importer: the paths given, and the options its format takes. */
export interface ImportRequest {
  paths: string[];
  /** Run the annotation rules on what is imported (formats with the `annotate` option; the default). */
  annotate?: boolean;
  /** The agreement a text belongs to (formats with the `agreement` option). */
  agreement?: string;
  /** A progress bar for the number of files or records to import. */
  progress?: (total: number) => Progress;
}

/**
 * An import format's service: reads the files of a request (how depends on the format: ToTA files or folders of
 * them, one JSON export, one text) into agreement records and writes them with `AgreementRecordWriter`. ToTA and
 * text imports write each file in its own transaction: a bad file is reported and the others go on (the summary
 * says so). `import json` writes its file in one transaction: a bad record is reported, every record is still
 * tried, and nothing of the file is written (`ImportSummary.wholeFile`).
 */
export interface Importer {
  import(request: ImportRequest): Promise<ImportSummary>;
}

/** The importers by format (`Record<ImportFormat, Importer>`), provided by `IngestModule`. */
export const IMPORTERS = Symbol('IMPORTERS');
