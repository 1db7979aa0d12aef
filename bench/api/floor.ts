// The floor of bench/api: the least a server can do to answer the bench's queries from the same SQLite file with
// the same statements' results: node:http, graphql-js (parse, validate, execute on every request), node-sqlite3
// and a DataLoader per list (`floor-data.ts`), nothing else. `node floor.ts <sqlite file> <port>`; prints
// `port <n>` once listening.
import { startFloorServer } from './floor-data';

const [file, port] = [process.argv[2], Number(process.argv[3] ?? 0)];
void startFloorServer(file, port).then((server) =>
  console.log(`port ${(server.address() as { port: number }).port}`),
);
