import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { spawnServer } from "./process-harness";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

function readUntil(socket: Socket, done: (received: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("utf8");
      if (done(received)) {
        socket.off("data", onData);
        resolve(received);
      }
    };
    socket.on("data", onData);
    socket.once("error", reject);
    socket.once("close", () => resolve(received));
  });
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(port, "127.0.0.1");
    probe.once("connect", () => {
      probe.destroy();
      resolve(false);
    });
    probe.once("error", () => resolve(true));
  });
}

test("SIGTERM drains an in-flight request, refuses new connections, then exits 0", async () => {
  const server = spawnServer({ DATABASE_URL: db.url, PORT: "0", LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "30000" });
  try {
    const serving = await server.waitForLog((line) => line.msg === "Chancery is serving");
    const port = Number(new URL(String(serving.url)).port);

    // A request whose headers the server has read (it answered 100 Continue) but whose body is still coming.
    const body = JSON.stringify({ query: "query Drained { apiVersion }" });
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
    );
    assert.match(await readUntil(socket, (received) => received.includes("\r\n\r\n")), /^HTTP\/1.1 100 Continue/);

    server.child.kill("SIGTERM");
    await server.waitForLog((line) => line.msg?.startsWith("shutting down") ?? false);
    assert.equal(await connectionRefused(port), true, "no new connections once draining");

    const response = readUntil(socket, (received) => received.includes('"data"'));
    socket.write(body);
    const answer = await response;
    assert.match(answer, /^HTTP\/1.1 200 OK/);
    assert.match(answer, /\{"data":\{"apiVersion":"1"\}/);
    socket.destroy();

    const { code } = await server.exited;
    assert.equal(code, 0, server.stderr());
    const messages = server.logs.map((line) => line.msg);
    assert.ok(messages.includes("HTTP server drained"));
    assert.ok(messages.includes("database closed"));
  } finally {
    server.child.kill("SIGKILL");
  }
});
