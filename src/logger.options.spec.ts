import { requestLogLevel } from './logger.options';

describe('request log levels', () => {
  it('keeps errors for the server failing, warns on a 503 refusal, informs on the rest', () => {
    expect(requestLogLevel('/graphql', 500)).toBe('error');
    expect(requestLogLevel('/graphql', 200, new Error('socket hang up'))).toBe('error');
    expect(requestLogLevel('/provisions/ceta/art-7.7', 503)).toBe('warn');
    expect(requestLogLevel('/graphql', 429)).toBe('info');
    expect(requestLogLevel('/health/ready', 503)).toBe('info');
  });
});
