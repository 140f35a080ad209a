import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { hashApiKey } from "../../src/auth/api-keys";
import { type CliRun, runCli } from "../support/run-cli";
import { startTestServer, type TestServer } from "../support/server";
import { errorCodes, postGraphql } from "./security-support";

const CLI = path.resolve(__dirname, "../../src/cli/apikey.js");

function apikey(databaseUrl: string, args: string[]): Promise<CliRun> {
  return runCli(CLI, args, { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" });
}

function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1];
}

describe("npm run apikey", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("create prints the key once, alone on the last line, stores only its hash, and the key works", async () => {
    const run = await apikey(server.db.url, ["create", "--role", "EDITOR", "--label", "ci-bot"]);
    assert.equal(run.code, 0, run.stderr);
    const secret = lastLine(run.stdout);
    assert.match(secret, /^chy_[A-Za-z0-9_-]{43}$/);

    const rows = await server.db.dataSource.query(`SELECT label, role, secret_hash FROM api_key`);
    assert.deepEqual(rows, [{ label: "ci-bot", role: "EDITOR", secret_hash: hashApiKey(secret) }]);
    const dump = JSON.stringify(await server.db.dataSource.query(`SELECT * FROM api_key`));
    assert.ok(!dump.includes(secret), "the secret itself is not stored");

    const response = await postGraphql(server.url, { query: "{ apiVersion }" }, { authorization: `Bearer ${secret}` });
    assert.equal(response.status, 200);
  });

  test("list shows keys without secrets or hashes", async () => {
    const created = await apikey(server.db.url, ["create", "--role", "reader", "--label", "analyst"]);
    const secret = lastLine(created.stdout);
    const run = await apikey(server.db.url, ["list", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const keys: { label: string; role: string; revokedAt: string | null }[] = JSON.parse(run.stdout);
    assert.deepEqual(
      keys.map(({ label, role, revokedAt }) => ({ label, role, revokedAt })),
      [
        { label: "ci-bot", role: "EDITOR", revokedAt: null },
        { label: "analyst", role: "READER", revokedAt: null },
      ],
    );
    const table = await apikey(server.db.url, ["list"]);
    for (const output of [run.stdout, table.stdout]) {
      assert.ok(!output.includes(secret) && !output.includes(hashApiKey(secret)));
    }
    assert.match(table.stdout, /analyst\tREADER\tchy_\S+…/);
  });

  test("revoke by label (or id) stops the key at once", async () => {
    const created = await apikey(server.db.url, ["create", "--role", "ADMIN", "--label", "leaked"]);
    const secret = lastLine(created.stdout);
    const run = await apikey(server.db.url, ["revoke", "leaked"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Revoked API key \d+ "leaked"/);
    const response = await postGraphql(server.url, { query: "{ apiVersion }" }, { authorization: `Bearer ${secret}` });
    assert.equal(response.status, 401);
    assert.deepEqual(errorCodes(response), ["UNAUTHENTICATED"]);
    const [{ id }] = await server.db.dataSource.query(`SELECT id FROM api_key WHERE label = 'analyst'`);
    assert.equal((await apikey(server.db.url, ["revoke", String(id)])).code, 0);
    const [{ revoked }] = await server.db.dataSource.query(
      `SELECT revoked_at IS NOT NULL AS revoked FROM api_key WHERE id = $1`,
      [id],
    );
    assert.equal(revoked, true);
  });

  test("mistakes are one clear line on stderr and exit code 2", async () => {
    const cases: [string[], RegExp][] = [
      [["create", "--role", "GOD", "--label", "x"], /unknown role "GOD"/],
      [["create", "--role", "READER"], /create needs --role and --label/],
      [["create", "--role", "READER", "--label", "ci-bot"], /already exists/],
      [["revoke", "nobody"], /no API key with id or label "nobody"/],
      [["create", "--role", "READER", "--label", "two\nlines"], /must not contain control characters/],
      [["create", "--role", "READER", "--label", "42"], /must not be a number/],
      [["frobnicate"], /usage: npm run apikey/],
    ];
    for (const [args, message] of cases) {
      const run = await apikey(server.db.url, args);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, "");
    }
  });
});
