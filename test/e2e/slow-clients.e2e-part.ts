import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

const LIMIT = 6;
/** Another client's address: Linux answers the whole of 127.0.0.0/8 on the loopback. */
const OTHER_ADDRESS = '127.0.0.2';
/** The browser app's origin, allowed by CORS_ORIGINS. */
const ORIGIN = 'https://app.example';

/** A header's value in a raw answer's head, lower-cased name; undefined when absent. */
function headerOf(answer: RawAnswer, name: string): string | undefined {
  const head = answer.text.split('\r\n\r\n')[0];
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

interface RawAnswer {
  /** The status line's code, 0 when the server closed without answering. */
  status: number;
  text: string;
}

/** A connection from `localAddress`; `answered` settles when the server closes it, with what it sent. */
function open(port: number, localAddress = '127.0.0.1'): { socket: Socket; answered: Promise<RawAnswer> } {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  let text = '';
  socket.setEncoding('utf8');
  const answered = new Promise<RawAnswer>((resolve) => {
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
  return { socket, answered };
}

/** Sends `request` a byte every `everyMs` until the server closes the connection. */
function dribble(socket: Socket, request: string, everyMs = 200): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || socket.writableEnded || at >= request.length) return clearInterval(timer);
    socket.write(request[at++]);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

async function get(port: number, path: string, localAddress: string, extra = ''): Promise<RawAnswer> {
  const { socket, answered } = open(port, localAddress);
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`);
  return answered;
}

/**
 * Slow-loris: one address opening connections that send their headers or body a byte at a time. Node cuts each at
 * its headers or request timeout; the address holds at most MAX_CONNECTIONS_PER_ADDRESS of them, and others are
 * served meanwhile.
 */
describe('slow clients', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  const saved = process.env.MAX_CONNECTIONS_PER_ADDRESS;
  const savedOrigins = process.env.CORS_ORIGINS;
  beforeAll(async () => {
    process.env.MAX_CONNECTIONS_PER_ADDRESS = String(LIMIT);
    process.env.CORS_ORIGINS = ORIGIN;
    t = await startTestApp();
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.MAX_CONNECTIONS_PER_ADDRESS;
    else process.env.MAX_CONNECTIONS_PER_ADDRESS = saved;
    if (savedOrigins === undefined) delete process.env.CORS_ORIGINS;
    else process.env.CORS_ORIGINS = savedOrigins;
    await t.close();
  });

  it('refuses an address its connections past the limit (429) while another address and /health are served', async () => {
    const slow = Array.from({ length: LIMIT }, () => open(port));
    slow.forEach(({ socket }, i) =>
      i % 2
        ? dribble(
            socket,
            'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"query":"',
          )
        : dribble(socket, 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ' + 'a'.repeat(4000)),
    );
    await Promise.all(slow.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    // Give the server the time to count them (each is a 'connection' event of its own).
    await new Promise((resolve) => setTimeout(resolve, 300));

    const extra = Array.from({ length: 3 }, () => open(port));
    for (const { socket } of extra) socket.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
    for (const refused of await Promise.all(extra.map((e) => e.answered))) {
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('"code":"RATE_LIMITED"');
      expect(refused.text).toMatch(/Retry-After: 1/i);
    }

    // A browser's request over the limit: the 429 carries the CORS headers a success to that origin carries, so
    // that its script reads the 429 and its Retry-After rather than a CORS error (it had none, hostile11).
    const fromBrowser = open(port);
    fromBrowser.socket.write(
      `GET /graphql?query=%7Btaxonomy%7Bcode%7D%7D HTTP/1.1\r\nHost: localhost\r\nOrigin: ${ORIGIN}\r\n\r\n`,
    );
    const refusedBrowser = await fromBrowser.answered;
    expect(refusedBrowser.status).toBe(429);
    const served = await get(
      port,
      '/graphql?query=%7Btaxonomy%7Bcode%7D%7D',
      OTHER_ADDRESS,
      `Origin: ${ORIGIN}\r\n`,
    );
    expect(served.status).toBe(200);
    for (const name of ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers']) {
      expect(headerOf(refusedBrowser, name)).toBeDefined();
      expect(headerOf(refusedBrowser, name)).toBe(headerOf(served, name));
    }
    expect(headerOf(refusedBrowser, 'Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(headerOf(refusedBrowser, 'Vary')).toMatch(/Origin/);
    // Another origin is not allowed, refused or served.
    const stranger = open(port);
    stranger.socket.write(
      'GET /health/live HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n\r\n',
    );
    const refusedStranger = await stranger.answered;
    expect(refusedStranger.status).toBe(429);
    expect(headerOf(refusedStranger, 'Access-Control-Allow-Origin')).toBeUndefined();

    // Another address is served, the health probe and the API alike, while the slow ones hold their connections.
    expect((await get(port, '/health/live', OTHER_ADDRESS)).status).toBe(200);
    expect((await get(port, '/graphql?query=%7Btaxonomy%7Bcode%7D%7D', OTHER_ADDRESS)).status).toBe(200);
    expect(slow.every(({ socket }) => !socket.destroyed)).toBe(true);

    // Once the slow ones are gone, the address may connect again.
    for (const { socket } of slow) socket.destroy();
    await Promise.all(slow.map((s) => s.answered));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await get(port, '/health/live', '127.0.0.1')).status).toBe(200);
  });

  it('cuts a client that sends its headers or its body a byte at a time at the timeouts (408)', async () => {
    const { headersTimeout, requestTimeout } = server;
    // The server's own timeouts (20 and 30 s) shortened; Node looks for connections past them every second.
    server.headersTimeout = 500;
    server.requestTimeout = 1_000;
    try {
      const headers = open(port);
      dribble(
        headers.socket,
        'GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ' + 'a'.repeat(4000),
        50,
      );
      const body = open(port);
      body.socket.write(
        'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n',
      );
      dribble(body.socket, '{"query":"' + ' '.repeat(3990), 50);
      const idle = open(port);
      expect((await headers.answered).status).toBe(408);
      expect((await idle.answered).status).toBe(408);
      expect((await body.answered).status).toBe(408);
    } finally {
      server.headersTimeout = headersTimeout;
      server.requestTimeout = requestTimeout;
    }
  }, 15_000);
});
