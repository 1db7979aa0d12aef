import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../../common/paths';
import { DomainError, ErrorCode } from '../../common/errors';
import type { RenderedReport } from './render-report';
import type { RenderOptions, ReportDocument, ReportFormat } from './report-document';

/** One file to write, as posted to a worker. */
export interface RenderTask {
  id: number;
  document: ReportDocument;
  format: ReportFormat;
  options: RenderOptions;
}

/** A worker's answer: the file (a Buffer arrives as a Uint8Array), or the fault's stack. */
export type RenderReply = { id: number; rendered: RenderedReport } | { id: number; error: string };

export interface RenderPoolOptions {
  /** Workers at most, started when first needed. */
  size: number;
  /** Files waiting for a worker at most; past it a request is refused (503 SERVICE_UNAVAILABLE, Retry-After). */
  queue: number;
  /** An idle worker stops after this long (a command, a test, a quiet server keeps no thread). */
  idleMs: number;
}

/** Seconds a request refused by a full queue is told to wait: a few files' time. */
export const RENDER_RETRY_AFTER_SECONDS = 5;

/** The render queue is full: the service is writing as many files as it will hold. */
export class RenderQueueFullError extends DomainError {
  constructor(queue: number) {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The service is writing as many files as it can (${queue} waiting): try again in ${RENDER_RETRY_AFTER_SECONDS} seconds`,
      { retryAfter: RENDER_RETRY_AFTER_SECONDS },
    );
  }
}

interface Pending {
  task: RenderTask;
  resolve(rendered: RenderedReport): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  current?: Pending;
  idleTimer?: NodeJS.Timeout;
}

/**
 * Report files are written on worker threads: XLSX above all (exceljs builds the workbook in memory and writes
 * each sheet's XML in one go: 0.1 to 0.2 s of the event loop for a report of the corpus, 0.4 s more for loading
 * the library on the first one), but every format, so that there is one way to write a file. The main thread
 * computes the document and posts it (a structured copy); the worker writes the file and posts it back. At most
 * `size` workers (two: the machine's cores), each writing one file at a time; at most `queue` files wait, the
 * next request is refused with 503 and Retry-After rather than queued without end.
 */
export class RenderPool {
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;

  constructor(private readonly options: RenderPoolOptions) {}

  render(document: ReportDocument, format: ReportFormat, options: RenderOptions): Promise<RenderedReport> {
    return new Promise<RenderedReport>((resolve, reject) => {
      const pending: Pending = { task: { id: this.nextId++, document, format, options }, resolve, reject };
      const slot = this.idle.pop() ?? (this.slots.size < this.options.size ? this.start() : undefined);
      if (slot) this.run(slot, pending);
      else if (this.waiting.length < this.options.queue) this.waiting.push(pending);
      else reject(new RenderQueueFullError(this.waiting.length));
    });
  }

  /** Stops every worker; the files in progress or waiting are refused. */
  async close(): Promise<void> {
    const closed = new Error('the render pool was closed');
    for (const pending of this.waiting.splice(0)) pending.reject(closed);
    this.idle.splice(0);
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(
      slots.map((slot) => {
        clearTimeout(slot.idleTimer);
        slot.current?.reject(closed);
        slot.current = undefined;
        return slot.worker.terminate();
      }),
    );
  }

  private start(): Slot {
    const slot: Slot = { worker: spawnRenderWorker() };
    this.slots.add(slot);
    slot.worker.on('message', (reply: RenderReply) => {
      const pending = slot.current;
      if (!pending || pending.task.id !== reply.id) return;
      slot.current = undefined;
      if ('error' in reply)
        pending.reject(new Error(`writing the ${pending.task.format} file failed: ${reply.error}`));
      else pending.resolve(received(reply.rendered));
      this.release(slot);
    });
    // A worker that dies (out of memory, a fault outside a file) fails its file; the next file gets a new worker.
    const lost = (error: Error) => {
      if (!this.slots.delete(slot)) return;
      clearTimeout(slot.idleTimer);
      const index = this.idle.indexOf(slot);
      if (index >= 0) this.idle.splice(index, 1);
      slot.current?.reject(error);
      slot.current = undefined;
      const next = this.waiting.shift();
      if (next) this.run(this.start(), next);
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`the render worker stopped (exit code ${code})`)));
    return slot;
  }

  private run(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.current = pending;
    slot.worker.ref();
    try {
      slot.worker.postMessage(pending.task);
    } catch (error) {
      // A document that cannot be copied to the worker: that file fails, the worker takes the next one.
      slot.current = undefined;
      pending.reject(error);
      this.release(slot);
    }
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) {
      this.run(slot, next);
      return;
    }
    // An idle worker keeps no process alive, and stops after a while.
    slot.worker.unref();
    this.idle.push(slot);
    slot.idleTimer = setTimeout(() => {
      const index = this.idle.indexOf(slot);
      if (index < 0) return;
      this.idle.splice(index, 1);
      this.slots.delete(slot);
      void slot.worker.terminate();
    }, this.options.idleMs);
    slot.idleTimer.unref();
  }
}

/** A structured copy turns a Buffer into a Uint8Array: a Buffer again, without copying. */
function received(rendered: RenderedReport): RenderedReport {
  const body = rendered.body;
  return typeof body === 'string'
    ? rendered
    : { ...rendered, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
}

/**
 * The worker runs `render-worker.js` from dist/; when the sources run as TypeScript (the tests, the benches), it
 * runs `render-worker.ts` through the swc hook the tests' child processes use, without the parent's -r flags
 * (ts-node would cost seconds of CPU a worker).
 */
function spawnRenderWorker(): Worker {
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, 'render-worker.js'));
  const hook = join(PROJECT_ROOT, 'test', 'support', 'register-ts.js');
  const entry = join(__dirname, 'render-worker.ts');
  return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(entry)});`, {
    eval: true,
    execArgv: [],
  });
}

let shared: RenderPool | undefined;

/** The process's pool: two workers at most (the machine has two cores), sixteen files waiting at most. */
export function renderPool(): RenderPool {
  shared ??= new RenderPool({
    size: Math.max(1, Math.min(2, availableParallelism())),
    queue: 16,
    idleMs: 30_000,
  });
  return shared;
}

/** Stops the process's workers (the application's shutdown). */
export async function closeRenderPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
