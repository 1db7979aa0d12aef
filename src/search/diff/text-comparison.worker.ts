import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { extname, join } from 'node:path';
import { inSlices, runInSteps } from '../../common/request-budget';
import { DraftArticles, draftArticleSteps, DraftTextInput } from '../draft/draft-articles';
import { LanguageReading, readLanguage } from '../draft/draft-language';
import type { WordDiffResult } from '../dto/similarity.models';
import { compareTexts, diffOf, TextComparison } from './text-comparison';
import {
  doTextWork,
  TextWorkArgs,
  TextWorkKind,
  TextWorkRequest,
  TextWorkResponse,
  TextWorkResult,
} from './text-work';

/**
 * Texts longer than this, the two together, are compared on a thread of their own. A word diff of two texts of
 * 199,000 characters (the most a provision holds) took 0.15 to 0.9 s and their two similarities 0.4 s more, on the
 * event loop: every other client waited that long per compareProvisions (hostile7, 5 December 2026). Shorter texts
 * (the corpus's clauses, a few thousand characters) cost a few milliseconds and are compared in turns on the
 * event loop (`inSlices`), which a message to the thread would not save.
 */
export const OFF_THREAD_CHARACTERS = 20_000;

/** The thread is stopped when it has had nothing to do for this long (and started again when needed). */
const IDLE_MS = 30_000;

interface Pending {
  request: TextWorkRequest;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * One thread for the work on long texts (comparisons, a long draft's articles: `text-work.ts`), one request after
 * another (so that they take turns, as costly work does),
 * started when first needed. The compiled service runs the compiled thread file; under ts-node or Jest the thread
 * reads the TypeScript source through ts-node.
 */
class TextThread {
  private readonly logger = new Logger('TextComparison');
  private worker: Worker | null = null;
  private failedToStart = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idle: NodeJS.Timeout | null = null;
  private answered = false;

  /** The work's answer from the thread, or null when no thread can be started (the caller then works inline). */
  run<K extends TextWorkKind>(kind: K, ...args: TextWorkArgs<K>): Promise<TextWorkResult<K>> | null {
    const worker = this.started();
    if (!worker) return null;
    const id = this.nextId++;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    // Referenced while it has work, so that a command waiting for its answer is not ended under it.
    worker.ref();
    const request: TextWorkRequest = { id, kind, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage(request);
    });
  }

  private started(): Worker | null {
    if (this.worker || this.failedToStart) return this.worker;
    try {
      const worker = startThread();
      worker.on('message', (response: TextWorkResponse) => this.answer(response));
      worker.on('error', (error) => {
        this.logger.error(`the comparison thread failed: ${error.message}`);
        this.stop();
      });
      worker.on('exit', () => this.stop());
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.failedToStart = true;
      this.logger.warn(`long texts are compared on the event loop: ${(error as Error).message}`);
    }
    return this.worker;
  }

  private answer(response: TextWorkResponse): void {
    this.answered = true;
    const pending = this.pending.get(response.id);
    this.pending.delete(response.id);
    if (this.pending.size === 0 && this.worker) {
      this.worker.unref();
      const worker = this.worker;
      this.idle = setTimeout(() => {
        if (this.worker === worker && this.pending.size === 0) void worker.terminate();
      }, IDLE_MS).unref();
    }
    if (!pending) return;
    if (response.error !== undefined) pending.reject(new Error(response.error));
    else pending.resolve(response.result);
  }

  /**
   * The thread has stopped (idle, or failed): the work it held is done in turns on the event loop. A thread that
   * failed before its first answer (it could not load) is not started again.
   */
  private stop(): void {
    if (!this.answered && this.worker) this.failedToStart = true;
    this.worker = null;
    for (const { request, resolve, reject } of this.pending.values())
      inSlices(() => doTextWork(request)).then(resolve, reject);
    this.pending.clear();
  }
}

function startThread(): Worker {
  const file = join(__dirname, `text-comparison.thread${extname(__filename)}`);
  if (extname(__filename) === '.js') return new Worker(file);
  return new Worker(
    `require('ts-node').register({ transpileOnly: true, swc: true }); require(${JSON.stringify(file)});`,
    { eval: true },
  );
}

const thread = new TextThread();

/** Whether two texts are long enough to be compared on the thread. */
const long = (a: string, b: string): boolean => a.length + b.length > OFF_THREAD_CHARACTERS;

/**
 * The word diff from one text to another without holding the event loop: long texts on the comparison thread,
 * short ones in turns (`inSlices`).
 */
export function diffInTurn(from: string, to: string): Promise<WordDiffResult> {
  return (long(from, to) ? thread.run('diff', from, to) : null) ?? inSlices(() => diffOf(from, to));
}

/** `compareTexts` without holding the event loop, as `diffInTurn`. */
export function compareTextsInTurn(a: string, b: string): Promise<TextComparison> {
  return (long(a, b) ? thread.run('compare', a, b) : null) ?? inSlices(() => compareTexts(a, b));
}

/**
 * What a draft's words show of its language (`readLanguage`), and its articles' text work (`draftArticleSteps`), without
 * holding the event loop: a draft longer than OFF_THREAD_CHARACTERS on the thread, a shorter one in turns.
 */
export function languageInTurn(text: string): Promise<LanguageReading> {
  return (
    (text.length > OFF_THREAD_CHARACTERS ? thread.run('draftLanguage', text) : null) ??
    inSlices(() => readLanguage(text))
  );
}

export function draftArticlesInTurn(input: DraftTextInput): Promise<DraftArticles> {
  return (
    (input.text.length > OFF_THREAD_CHARACTERS ? thread.run('draftArticles', input) : null) ??
    runInSteps(draftArticleSteps(input))
  );
}
