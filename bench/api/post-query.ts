import { Agent, request } from 'node:http';

/** A query's variables, and the API key it is sent with (none: anonymous). */
export interface PostOptions {
  variables?: Record<string, unknown>;
  key?: string;
}

/**
 * A client of the bench's servers: posts one GraphQL query to 127.0.0.1:<port>/graphql over keep-alive sockets
 * (`maxSockets` at once) and resolves with the answer's body; an HTTP error or an answer with errors rejects.
 * `close()` ends its sockets, so that the process can exit.
 */
export function queryPoster(
  maxSockets: number,
): ((port: number, query: string, options?: PostOptions) => Promise<string>) & { close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const post = (port: number, query: string, { variables, key }: PostOptions = {}) =>
    new Promise<string>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(key ? { authorization: `Bearer ${key}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            res.statusCode === 200 && !text.includes('"errors"')
              ? resolve(text)
              : reject(new Error(`${res.statusCode} ${text.slice(0, 300)}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return Object.assign(post, { close: () => agent.destroy() });
}
