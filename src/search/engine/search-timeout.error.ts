import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../common/errors';

export class SearchTimeoutError extends GraphQLError {
  constructor(limitMs: number) {
    super(`The search took longer than ${limitMs} ms and was stopped: add words or filters to narrow it`, {
      extensions: { code: ErrorCode.TIMEOUT, limitMs },
    });
  }
}
