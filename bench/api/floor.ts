// The floor of bench/api: the least a server can do to answer the bench's queries from the same SQLite file with
// the same statements' results: node:http, graphql-js (parse, validate, execute on every request), node-sqlite3
// and a DataLoader per list (`floor-data.ts`), nothing else. `node floor.ts <sqlite file> <port>`; prints
// `port <n>` once listening.
import { buildSchema, execute, GraphQLError, parse, validate } from 'graphql';
import { createServer } from 'node:http';
import { FLOOR_SDL, loaders, openFloorDatabase } from './floor-data';

const [file, port] = [process.argv[2], Number(process.argv[3] ?? 0)];
openFloorDatabase(file);
const schema = buildSchema(FLOOR_SDL);

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', async () => {
    const { query } = JSON.parse(body) as { query: string };
    const document = parse(query);
    const errors: readonly GraphQLError[] = validate(schema, document);
    const result = errors.length ? { errors } : await execute({ schema, document, rootValue: loaders() });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
}).listen(port, '127.0.0.1', function (this: { address(): { port: number } }) {
  console.log(`port ${this.address().port}`);
});
