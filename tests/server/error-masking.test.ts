import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type LoggedServer, startLoggedServer } from "./server-harness";

interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

const STATE_QUERY = '{ state(code: "FR") { code } }';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

async function errorsOf(response: Response): Promise<GraphQLError[]> {
  const body = (await response.json()) as { errors?: GraphQLError[] };
  return body.errors ?? [];
}

/** A server over a DataSource of its own with the given pool settings. */
async function withServer(
  settings: { statementTimeoutMs?: number; lockTimeoutMs?: number; poolMax?: number; connectionTimeoutMs?: number },
  work: (server: LoggedServer, dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const dataSource = createDataSource({ url: db.url, ...settings });
  await dataSource.initialize();
  const server = await startLoggedServer(dataSource, {
    DB_STATEMENT_TIMEOUT_MS: String(settings.statementTimeoutMs ?? 5000),
    DB_LOCK_TIMEOUT_MS: String(settings.lockTimeoutMs ?? 1000),
    DB_CONNECTION_TIMEOUT_MS: String(settings.connectionTimeoutMs ?? 3000),
  });
  try {
    await work(server, dataSource);
  } finally {
    await server.close();
    await dataSource.destroy();
  }
}

/** Runs `work` while another session holds an exclusive lock on the state table. */
async function whileStateTableLocked(work: () => Promise<void>): Promise<void> {
  const holder = new Client({ connectionString: db.url });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE state IN ACCESS EXCLUSIVE MODE");
    await work();
  } finally {
    await holder.query("ROLLBACK");
    await holder.end();
  }
}

test("a statement timeout is a QUERY_TOO_COMPLEX error naming the limit, with no SQL", async () => {
  await withServer({ statementTimeoutMs: 200, lockTimeoutMs: 10_000 }, async (server) => {
    await whileStateTableLocked(async () => {
      const errors = await errorsOf(await server.post({ query: STATE_QUERY }));
      assert.equal(errors.length, 1);
      assert.equal(
        errors[0].extensions?.code,
        "QUERY_TOO_COMPLEX",
        JSON.stringify(server.logs.filter((line) => line.level >= 40)),
      );
      assert.equal(errors[0].extensions?.limit, "statementTimeoutMs");
      assert.equal(errors[0].extensions?.max, 200);
      assert.match(errors[0].message, /statement timeout of 200 ms/);
      assert.doesNotMatch(JSON.stringify(errors), /SELECT|canceling statement/i);
    });
  });
});

test("a lock timeout is a retryable CONFLICT", async () => {
  await withServer({ statementTimeoutMs: 10_000, lockTimeoutMs: 100 }, async (server) => {
    await whileStateTableLocked(async () => {
      const errors = await errorsOf(await server.post({ query: STATE_QUERY }));
      assert.equal(errors[0]?.extensions?.code, "CONFLICT");
      assert.equal(errors[0]?.extensions?.reason, "LOCK_TIMEOUT");
      assert.equal(errors[0]?.extensions?.retryable, true);
    });
  });
});

test("an exhausted pool queues for DB_CONNECTION_TIMEOUT_MS, then fails with SERVICE_UNAVAILABLE", async () => {
  await withServer({ poolMax: 1, connectionTimeoutMs: 300 }, async (server, dataSource) => {
    const hog = dataSource.createQueryRunner();
    await hog.connect();
    try {
      const response = await server.post({ query: STATE_QUERY }, { "x-request-id": "busy-1" });
      const errors = await errorsOf(response);
      assert.equal(
        errors[0]?.extensions?.code,
        "SERVICE_UNAVAILABLE",
        JSON.stringify(server.logs.filter((line) => line.level >= 40)),
      );
      assert.equal(errors[0]?.extensions?.reason, "DATABASE_BUSY");
      assert.equal(errors[0]?.extensions?.requestId, "busy-1");
      assert.match(errors[0].message, /no database connection became free within 300 ms/);
    } finally {
      await hog.release();
    }
    const recovered = (await (await server.post({ query: STATE_QUERY })).json()) as { data?: unknown };
    assert.deepEqual(recovered.data, { state: null });
  });
});

test("an unexpected error is masked with the request id, and the log line with that id holds the cause", async () => {
  await withServer({}, async (server, dataSource) => {
    await dataSource.query('ALTER TABLE "state" RENAME TO "state_moved_away"');
    try {
      const response = await server.post({ query: STATE_QUERY }, { "x-request-id": "mask-me-1" });
      assert.equal(response.headers.get("x-request-id"), "mask-me-1");
      const errors = await errorsOf(response);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].message, "Internal server error (request id mask-me-1)");
      assert.deepEqual(errors[0].extensions, { code: "INTERNAL_SERVER_ERROR", requestId: "mask-me-1" });
      const logged = server.logs.find((line) => line.requestId === "mask-me-1" && line.msg === "internal error masked");
      assert.ok(logged, "the masked error is logged under the same request id");
      assert.match(JSON.stringify(logged.err), /state/);
    } finally {
      await dataSource.query('ALTER TABLE "state_moved_away" RENAME TO "state"');
    }
  });
});

test("with NODE_ENV unset, no error carries a stack trace", async () => {
  const saved = process.env.NODE_ENV;
  delete process.env.NODE_ENV;
  try {
    await withServer({}, async (server, dataSource) => {
      await dataSource.query('ALTER TABLE "state" RENAME TO "state_moved_away"');
      try {
        const masked = JSON.stringify(await errorsOf(await server.post({ query: STATE_QUERY })));
        const invalid = JSON.stringify(await errorsOf(await server.post({ query: "{ noSuchField }" })));
        for (const body of [masked, invalid]) {
          assert.doesNotMatch(body, /stacktrace|\bat .*\.js:\d+/);
        }
      } finally {
        await dataSource.query('ALTER TABLE "state_moved_away" RENAME TO "state"');
      }
    });
  } finally {
    if (saved !== undefined) process.env.NODE_ENV = saved;
  }
});

test("malformed JSON is a 400 with a coded JSON error, not an HTML page", async () => {
  await withServer({}, async (server) => {
    const response = await fetch(server.server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ apiVersion }"',
    });
    assert.equal(response.status, 400);
    assert.match(response.headers.get("content-type") ?? "", /json/);
    const errors = await errorsOf(response);
    assert.equal(errors[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.doesNotMatch(JSON.stringify(errors), /node_modules|SyntaxError/);
  });
});

test("parse and validation errors keep their message under the contract code BAD_USER_INPUT", async () => {
  await withServer({}, async (server) => {
    const [parse] = await errorsOf(await server.post({ query: "{ apiVersion" }));
    assert.equal(parse.extensions?.code, "BAD_USER_INPUT");
    assert.equal(parse.extensions?.reason, "GRAPHQL_PARSE_FAILED");
    const [validation] = await errorsOf(await server.post({ query: "{ noSuchField }" }));
    assert.equal(validation.extensions?.code, "BAD_USER_INPUT");
    assert.equal(validation.extensions?.reason, "GRAPHQL_VALIDATION_FAILED");
    assert.match(validation.message, /noSuchField/);
  });
});
