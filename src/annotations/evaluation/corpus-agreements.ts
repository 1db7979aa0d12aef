import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { corpusDir } from '../../config';
import { euBloc, totaRecord } from '../../ingest/tota-record';
import { parseTota } from '../../ingest/tota/parse-tota';
import { readPartyFixtures } from '../../parties/party-fixtures';
import { annotateAgreement } from '../rules/annotate-agreement';
import { AnnotatorAgreement } from '../rules/annotator.types';
import { Prediction, UniverseAgreement } from './evaluate';

/** One ToTA agreement of the corpus, read as the annotator sees it (the catalogue's import maps it the same way). */
export interface CorpusAgreement {
  readonly treatyIdentifier: string;
  readonly name: string;
  readonly input: AnnotatorAgreement;
  /** ToTA article identifiers, in document order. */
  readonly articleIdentifiers: string[];
}

let partyFacts: { developing: Map<string, boolean | null>; blocs: ReturnType<typeof euBloc>[] } | null = null;

function parties() {
  if (!partyFacts) {
    const fixtures = readPartyFixtures();
    const eu = fixtures.find((party) => party.code === 'EUN')!;
    partyFacts = {
      developing: new Map(fixtures.map((party) => [party.code, party.developing])),
      blocs: [euBloc(eu.members!)],
    };
  }
  return partyFacts;
}

export function readCorpusAgreement(treatyIdentifier: string, dir: string = corpusDir()): CorpusAgreement {
  const file = join(dir, 'tota', 'xml', `pta_${treatyIdentifier}.xml`);
  const { developing, blocs } = parties();
  const record = totaRecord(parseTota(readFileSync(file, 'utf8'), basename(file)), 'x', blocs);
  const provisions = record.provisions.map((p) => ({ ...p, ref: p.externalId!, text: p.text! }));
  return {
    treatyIdentifier,
    name: record.title,
    input: {
      language: record.language ?? 'en',
      parties: record.parties.map((p) => ({ code: p.code, developing: developing.get(p.code) ?? null })),
      provisions,
    },
    articleIdentifiers: provisions.map((p) => p.ref),
  };
}

/** The rules' proposals on corpus agreements, as scoring predictions, with the universe of their articles. */
export function predictOnCorpus(
  treatyIdentifiers: readonly string[],
  dir: string = corpusDir(),
): { universe: UniverseAgreement[]; predictions: Prediction[] } {
  const universe: UniverseAgreement[] = [];
  const predictions: Prediction[] = [];
  for (const id of treatyIdentifiers) {
    const agreement = readCorpusAgreement(id, dir);
    universe.push({ treatyIdentifier: id, articleIdentifiers: agreement.articleIdentifiers });
    for (const proposal of annotateAgreement(agreement.input)) {
      predictions.push({
        treatyIdentifier: id,
        articleIdentifier: proposal.ref,
        code: proposal.code,
        detail: proposal.detail,
        bindingForce: proposal.bindingForce,
        location: proposal.location,
        ruleId: proposal.ruleId,
        confidence: proposal.confidence,
      });
    }
  }
  return { universe, predictions };
}
