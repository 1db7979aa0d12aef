import { parentPort } from 'node:worker_threads';
import { renderReportHere } from './render-report';
import type { RenderReply, RenderTask } from './render-pool';

/**
 * The render worker (`render-pool.ts`): writes one file at a time on its own thread and posts it back. A fault is
 * posted back as its message; the pool refuses that request and the worker takes the next one.
 */
parentPort?.on('message', (task: RenderTask) => {
  renderReportHere(task.document, task.format, task.options).then(
    (rendered) => parentPort!.postMessage({ id: task.id, rendered } satisfies RenderReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: task.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies RenderReply),
  );
});
