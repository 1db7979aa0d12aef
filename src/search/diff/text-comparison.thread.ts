import { parentPort } from 'node:worker_threads';
import { compareTexts, diffOf } from './text-comparison';
import type { TextWorkRequest, TextWorkResponse } from './text-comparison.worker';

// The thread that compares long texts for text-comparison.worker.ts, one request after another.
parentPort?.on('message', (request: TextWorkRequest) => {
  let response: TextWorkResponse;
  try {
    response = {
      id: request.id,
      result: request.kind === 'diff' ? diffOf(request.a, request.b) : compareTexts(request.a, request.b),
    };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
