import assert from "node:assert/strict";
import { test } from "node:test";
import pino from "pino";
import { createApiKey, revokeApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { loadConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { type ChanceryServer, startServer } from "../../src/http/app";
import { createTestDatabase } from "../support/database";

test("a key revoked through one instance is refused by another at once, with no cache to expire", async () => {
  const db = await createTestDatabase();
  const servers: ChanceryServer[] = [];
  const pools = [db.dataSource, createDataSource({ url: db.url })];
  try {
    await pools[1].initialize();
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, PORT: "0", REQUIRE_AUTH: "true" });
    for (const dataSource of pools) servers.push(await startServer({ config, dataSource, log: pino({ level: "silent" }) }, 0));
    const { key, secret } = await createApiKey(db.dataSource, { role: Role.READER, label: "leaving" });
    const ask = async (server: ChanceryServer) => {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: "{ states(first: 1) { totalCount } }" }),
      });
      return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
    };
    for (const server of servers) assert.equal((await ask(server)).status, 200, "the key works on both instances");
    await revokeApiKey(db.dataSource, String(key.id)); // what `npm run apikey -- revoke` does, on instance A's database
    const refused = await ask(servers[1]);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.errors?.[0].extensions?.code, "UNAUTHENTICATED");
    assert.equal((await ask(servers[0])).status, 401);
  } finally {
    for (const server of servers) await server.close();
    if (pools[1].isInitialized) await pools[1].destroy();
    await db.drop();
  }
});
