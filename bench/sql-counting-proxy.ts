/**
 * A TCP proxy in front of PostgreSQL that counts the statements a server sends, the same way for
 * every server: one per simple-protocol Query ('Q') and one per extended-protocol Execute ('E').
 * Each benchmarked server gets its own proxy, so the counts are per server.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface CountingProxy {
  /** The database URL that goes through the proxy. */
  url: string;
  statements(): number;
  close(): Promise<void>;
}

const QUERY = 0x51; // 'Q'
const EXECUTE = 0x45; // 'E'

/** Reads the frontend's message stream: the untyped startup packet first, then typed messages. */
class FrontendMessageCounter {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  count = 0;

  feed(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (!this.started) {
        if (this.pending.length < 4) return;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) return;
        const code = this.pending.readInt32BE(4);
        this.pending = this.pending.subarray(length);
        // SSLRequest / GSSENCRequest are followed by another startup packet; anything else starts the session.
        if (code !== 80877103 && code !== 80877104) this.started = true;
        continue;
      }
      if (this.pending.length < 5) return;
      const length = this.pending.readInt32BE(1);
      if (this.pending.length < length + 1) return;
      const type = this.pending[0];
      if (type === QUERY || type === EXECUTE) this.count += 1;
      this.pending = this.pending.subarray(length + 1);
    }
  }
}

export async function startCountingProxy(databaseUrl: string): Promise<CountingProxy> {
  const target = new URL(databaseUrl);
  const counters = new Set<FrontendMessageCounter>();
  let closedCount = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const counter = new FrontendMessageCounter();
    counters.add(counter);
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client).add(upstream);
    client.on("data", (chunk: Buffer) => {
      counter.feed(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      if (counters.delete(counter)) closedCount += counter.count;
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    statements: () => closedCount + [...counters].reduce((sum, counter) => sum + counter.count, 0),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
