import assert from "node:assert/strict";
import { test } from "node:test";
import { spawnServer } from "./process-harness";

for (const [name, value, mentions] of [
  ["PORT", "abc", /PORT="abc"/],
  ["DB_POOL_MAX", "0", /DB_POOL_MAX/],
  ["MIGRATE", "perhaps", /MIGRATE/],
  ["DATABASE_URL", "mysql://localhost/x", /DATABASE_URL/],
  ["REDIS_URL", "http://127.0.0.1:6379", /REDIS_URL must start with redis:\/\//],
  ["TRUST_PROXY", "loopback, 10.0.0.0/33", /TRUST_PROXY=.*"10\.0\.0\.0\/33" is not an address, CIDR/],
  ["TRUST_PROXY", "yes", /TRUST_PROXY/],
] as const) {
  test(`npm start with ${name}=${value} exits 1 with one clear line`, async () => {
    const server = spawnServer({ [name]: value });
    const { code } = await server.exited;
    assert.equal(code, 1);
    const lines = server.stderr().trim().split("\n");
    assert.equal(lines.length, 1, server.stderr());
    assert.match(lines[0], /^chancery: bad configuration: /);
    assert.match(lines[0], mentions);
    assert.equal(server.logs.length, 0, "nothing was started");
  });
}
