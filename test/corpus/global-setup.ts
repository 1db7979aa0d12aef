import { createCorpusTemplates } from '../support/corpus-template';

/**
 * The corpus suite checks what the application says about the corpus, not how fast (bench/): its requests get two
 * minutes (REQUEST_TIMEOUT_MS, unless set) instead of the 15 s budget. At load 15 to 17 (6 December 2026) a draft
 * check of the WTO text and a clause family's view answered TIMEOUT, failing checks whose answers were right.
 * The test files see the setting (their processes start after this one sets it).
 */
export default async function setUpCorpusSuite(): Promise<void> {
  process.env.REQUEST_TIMEOUT_MS ??= '120000';
  await createCorpusTemplates();
}
