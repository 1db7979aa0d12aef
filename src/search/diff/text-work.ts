import { draftArticles, DraftTextInput } from '../draft/draft-articles';
import { readLanguage } from '../draft/draft-language';
import { compareTexts, diffOf } from './text-comparison';

/**
 * The pure work on long texts that the text thread does (`text-comparison.worker.ts`), by name: a word diff, the
 * two similarities of two texts, a draft's language and its articles' text work.
 */
export const TEXT_WORK = {
  diff: (a: string, b: string) => diffOf(a, b),
  compare: (a: string, b: string) => compareTexts(a, b),
  draftLanguage: (text: string) => readLanguage(text),
  draftArticles: (input: DraftTextInput) => draftArticles(input),
};

export type TextWork = typeof TEXT_WORK;
export type TextWorkKind = keyof TextWork;
export type TextWorkArgs<K extends TextWorkKind> = Parameters<TextWork[K]>;
export type TextWorkResult<K extends TextWorkKind> = ReturnType<TextWork[K]>;

export type TextWorkRequest = { id: number; kind: TextWorkKind; args: unknown[] };
export type TextWorkResponse =
  { id: number; result: unknown; error?: undefined } | { id: number; error: string; result?: undefined };

/** Does one request's work (on the thread, or on the event loop when the thread has stopped). */
export function doTextWork(request: { kind: TextWorkKind; args: unknown[] }): unknown {
  return (TEXT_WORK[request.kind] as (...args: unknown[]) => unknown)(...request.args);
}
