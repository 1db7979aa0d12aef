import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage as requestLoggerStorage } from 'nestjs-pino/storage';
import pino from 'pino';
import pinoHttp, { Options } from 'pino-http';
import { loggerOptions, requestLogLevel, responseLogFields } from './logger.options';

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

describe('the request in a request log line', () => {
  it('names the request and the headers that say who asked, never a credential', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = loggerOptions().pinoHttp as Options;
    const logger = pinoHttp({ ...options, level: 'info' }, destination);
    const server = createServer((req, res) => {
      logger(req, res);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/graphql?x=1`, {
        headers: {
          authorization: 'Bearer secret-key-123',
          cookie: 'session=secret-cookie',
          'user-agent': 'probe/1',
        },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/secret/);
    const line = JSON.parse(lines[0]);
    expect(line.req).toEqual({
      id: expect.any(String),
      method: 'GET',
      url: '/graphql?x=1',
      remoteAddress: '127.0.0.1',
      headers: { 'user-agent': 'probe/1' },
    });
    expect(line.res.statusCode).toBe(200);
  });
});

describe("the request's logger, kept in the request's scope", () => {
  it("is what PinoLogger logs with through the request's awaits, and nestjs-pino's own storage is never enabled", async () => {
    loggerOptions();
    const root = pino({ level: 'silent' });
    const store = new Store(root.child({ req: { id: 'r1' } }));
    const logger = new PinoLogger({ pinoHttp: { level: 'silent' } });
    const seen = await new Promise<unknown[]>((resolve) => {
      void requestLoggerStorage.run(store, async () => {
        await Promise.resolve();
        await new Promise((done) => setTimeout(done, 1));
        resolve([requestLoggerStorage.getStore(), logger.logger]);
      });
    });
    expect(seen).toEqual([store, store.logger]);
    expect(requestLoggerStorage.getStore()).toBeUndefined();
    expect(logger.logger).not.toBe(store.logger);
    // An enabled AsyncLocalStorage costs every promise of the process a step of its hook (Node 20).
    expect((requestLoggerStorage as unknown as { enabled: boolean }).enabled).toBe(false);
  });
});
