import { TimeoutError } from '../../common/errors';

export class SearchTimeoutError extends TimeoutError {
  constructor(limitMs: number) {
    super(`The search took longer than ${limitMs} ms and was stopped: add words or filters to narrow it`, {
      limitMs,
    });
  }
}
