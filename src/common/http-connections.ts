import type { Server } from 'node:http';
import { isIPv6, type Socket } from 'node:net';
import { setting } from '../config';
import { corsHeadersFor } from './cors';
import { httpErrorBody } from './http-error-body';

/** Node's own limits on a slow client, in milliseconds (a request's work has REQUEST_TIMEOUT_MS, request-budget.ts). */
export const HEADERS_TIMEOUT_MS = 20_000;
export const RECEIVE_TIMEOUT_MS = 30_000;
/** How often Node looks for connections past those limits (its default, 30 s, let a slow one live 20 to 50 s). */
export const CONNECTIONS_CHECK_MS = 1_000;
/** How long a refused connection may stay open for its client to read the answer and close. */
const REFUSED_LINGER_MS = 2_000;

export const maxConnectionsPerAddress = (): number =>
  setting('TRUST_PROXY') ? 0 : setting('MAX_CONNECTIONS_PER_ADDRESS');

/**
 * Whose connection this is, for counting: an IPv4 address (also when written as IPv4-mapped IPv6), or an IPv6
 * address's first 64 bits, the block one host is given (counting whole addresses would let it open 2^64).
 */
export function connectionOwner(address: string | undefined): string {
  if (!address) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const TOO_MANY = (limit: number, origin: string | undefined): string => {
  const body = JSON.stringify(
    httpErrorBody(
      429,
      `this address has ${limit} connections open, the most it may: reuse them or close one`,
    ),
  );
  const cors = Object.entries(corsHeadersFor(origin))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (
    'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 1\r\n${cors}Connection: close\r\n\r\n${body}`
  );
};

/**
 * A slow client's connections (slow-loris: headers or a body sent a byte at a time, or nothing at all) are cut by
 * Node at HEADERS_TIMEOUT_MS for the headers and RECEIVE_TIMEOUT_MS for the whole request (408), looked for every
 * CONNECTIONS_CHECK_MS; an idle keep-alive connection at Node's keepAliveTimeout (5 s). One address holds at most
 * MAX_CONNECTIONS_PER_ADDRESS connections at a time: without it one client could hold open as many as the process
 * has file descriptors, each for up to 50 s, and the next client, the database's files and connections had none.
 * A connection over the limit is answered 429 and closed without Node's HTTP parser ever reading it (the
 * server's `connection` event is not emitted for it: a listener, Node's own included, would have read and served
 * the request it sends).
 */
export function limitConnections(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = RECEIVE_TIMEOUT_MS;
  // Read when the server starts listening (Node's setupConnectionsTracking), so set before it does.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    CONNECTIONS_CHECK_MS;
  const limit = maxConnectionsPerAddress();
  if (!limit) return;
  const open = new Map<string, number>();
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'connection') return emit(event, ...args);
    const socket = args[0] as Socket;
    const owner = connectionOwner(socket.remoteAddress);
    const count = (open.get(owner) ?? 0) + 1;
    open.set(owner, count);
    socket.once('close', () => {
      const left = (open.get(owner) ?? 1) - 1;
      if (left > 0) open.set(owner, left);
      else open.delete(owner);
    });
    if (count <= limit) return emit(event, ...args);
    refuse(socket, (origin) => TOO_MANY(limit, origin));
    return true;
  }) as Server['emit'];
}

/** How much of a refused connection's request is read for its Origin, and for how long at most. */
const REFUSED_HEAD_BYTES = 8_192;
const REFUSED_HEAD_WAIT_MS = 250;

/**
 * Answers and closes; what the client sent is read and dropped (closing on unread bytes would reset the answer).
 * The answer waits for the request's head (at most REFUSED_HEAD_BYTES, REFUSED_HEAD_WAIT_MS) for its Origin, so
 * that it carries the CORS headers any other answer to that origin carries (a browser's script saw a CORS error,
 * not the 429); a client that sends nothing is answered without them.
 */
function refuse(socket: Socket, answer: (origin: string | undefined) => string): void {
  socket.on('error', () => undefined);
  socket.setTimeout(REFUSED_LINGER_MS, () => socket.destroy());
  let head = '';
  let answered = false;
  const reply = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    socket.end(answer(originOf(head)));
  };
  const timer = setTimeout(reply, REFUSED_HEAD_WAIT_MS);
  socket.on('data', (chunk: Buffer) => {
    if (answered) return;
    head += chunk.toString('latin1');
    if (head.includes('\r\n\r\n') || head.length >= REFUSED_HEAD_BYTES) reply();
  });
  socket.once('end', reply);
  socket.resume();
}

/** The Origin header of a request's head (its first, as Node reads a header sent twice), if any. */
function originOf(head: string): string | undefined {
  const end = head.indexOf('\r\n\r\n');
  const lines = (end < 0 ? head : head.slice(0, end)).split('\r\n').slice(1);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'origin')
      return line.slice(colon + 1).trim();
  }
  return undefined;
}
