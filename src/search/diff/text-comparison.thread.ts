import { parentPort } from 'node:worker_threads';
import { doTextWork, TextWorkRequest, TextWorkResponse } from './text-work';

// The thread that does the work on long texts for text-comparison.worker.ts, one request after another.
parentPort?.on('message', (request: TextWorkRequest) => {
  let response: TextWorkResponse;
  try {
    response = { id: request.id, result: doTextWork(request) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message };
  }
  parentPort?.postMessage(response);
});
