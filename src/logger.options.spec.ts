import { requestLogLevel, responseLogFields } from './logger.options';

describe('request log levels', () => {
  it('keeps errors for the server failing, warns on a 503 refusal, informs on the rest', () => {
    expect(requestLogLevel('/graphql', 500)).toBe('error');
    expect(requestLogLevel('/graphql', 200, new Error('socket hang up'))).toBe('error');
    expect(requestLogLevel('/provisions/ceta/art-7.7', 503)).toBe('warn');
    expect(requestLogLevel('/graphql', 429)).toBe('info');
    expect(requestLogLevel('/health/ready', 503)).toBe('info');
  });
});

describe('the response in a request log line', () => {
  it('keeps the status and the headers that differ between answers, not the security headers', () => {
    const fields = responseLogFields({
      statusCode: 429,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': '120',
        'retry-after': '5',
        'content-security-policy': "default-src 'self'",
        'x-frame-options': 'SAMEORIGIN',
      },
    });
    expect(fields).toEqual({
      statusCode: 429,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': '120',
        'retry-after': '5',
      },
    });
  });
});
