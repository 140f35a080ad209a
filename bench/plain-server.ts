/**
 * The benchmark's "single SQL" server: node:http, no framework, one prepared statement per workload.
 * POST /w1 ... /w8 with the workload's parameters as JSON; the response is the statement's JSON text.
 * Run as a child process by bench/servers.ts (DATABASE_URL, PORT).
 */
import { createServer, type IncomingMessage } from "node:http";
import { Pool } from "pg";
import { W1_SQL, W2_SQL, W3_SQL, W4_SQL, W5_SQL, W6_SQL, W7_SQL, W8_SQL } from "./plain-queries";

type Params = Record<string, unknown>;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** Each route: a named (so prepared once per connection) statement and how its parameters come from the body. */
const routes: Record<string, { name: string; text: string; values: (params: Params) => unknown[] }> = {
  "/w1": { name: "w1", text: W1_SQL, values: (p) => [p.coalition, p.topic] },
  "/w2": { name: "w2", text: W2_SQL, values: (p) => [p.coalition, p.level, p.from] },
  "/w3": { name: "w3", text: W3_SQL, values: (p) => [p.ids, p.aliases] },
  "/w4": { name: "w4", text: W4_SQL, values: (p) => [p.query] },
  "/w5": { name: "w5", text: W5_SQL, values: (p) => [p.slugs] },
  "/w6": { name: "w6", text: W6_SQL, values: (p) => [p.coalition, p.from] },
  "/w7": { name: "w7", text: W7_SQL, values: (p) => [p.slug] },
  "/w8": { name: "w8", text: W8_SQL, values: (p) => [p.types, p.slugs] },
};

async function readBody(req: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Params;
}

const server = createServer((req, res) => {
  const route = routes[req.url ?? ""];
  if (req.url === "/healthz") {
    res.end("ok");
    return;
  }
  if (!route || req.method !== "POST") {
    res.writeHead(404).end();
    return;
  }
  readBody(req)
    .then((params) => pool.query<{ body: string }>({ name: route.name, text: route.text, values: route.values(params) }))
    .then(
      (result) => {
        res.writeHead(200, { "content-type": "application/json" }).end(result.rows[0].body);
      },
      (error: Error) => {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
});

server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  pool.end().then(() => process.exit(0));
});
