import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

/** What a subscriber received: events' data, errors, and how its connection closed. */
export interface Subscriber<T> {
  events: T[];
  errors: unknown[];
  /** The close code of the connection, once closed. */
  closeCode: number | null;
  /** Resolves once `count` events arrived (the test's own timeout bounds the wait). */
  received(count: number): Promise<T[]>;
  /** Resolves with the first event `wanted` accepts, once it arrived. */
  receivedOne(wanted: (event: T) => boolean): Promise<T>;
  /** Resolves with the close code once the connection is closed. */
  closed(): Promise<number>;
  /** Resolves once the subscription ended with an error. */
  failed(): Promise<unknown[]>;
  dispose(): Promise<void>;
}

function until(test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (test() ? resolve() : setTimeout(poll, 10));
    poll();
  });
}

/** The WebSocket URL of a server's /graphql. */
export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, "ws");
}

/** Opens a graphql-ws connection (no retries) and one subscription on it; `data[field]` of each event is kept. */
export function subscribe<T>(
  httpUrl: string,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Subscriber<T> {
  let closeCode: number | null = null;
  const client: Client = createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization ? { authorization } : undefined,
    on: {
      closed: (event) => {
        closeCode = (event as { code: number }).code;
      },
    },
  });
  const events: T[] = [];
  const errors: unknown[] = [];
  client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data[field]);
      },
      // graphql-ws hands a refused subscription's GraphQL errors as an array, a transport failure as one value.
      error: (error) => errors.push(...(Array.isArray(error) ? error : [error])),
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    get closeCode() {
      return closeCode;
    },
    async received(count) {
      await until(() => events.length >= count || errors.length > 0 || closeCode !== null);
      if (events.length < count)
        throw new Error(`expected ${count} events, got ${events.length}: ${JSON.stringify({ errors, closeCode })}`);
      return events;
    },
    async receivedOne(wanted) {
      await until(() => events.some(wanted) || errors.length > 0 || closeCode !== null);
      const found = events.find(wanted);
      if (found === undefined) throw new Error(`the event never came: ${JSON.stringify({ events, errors, closeCode })}`);
      return found;
    },
    async closed() {
      await until(() => closeCode !== null);
      return closeCode ?? 0;
    },
    async failed() {
      await until(() => errors.length > 0);
      return errors;
    },
    async dispose() {
      await client.dispose();
    },
  };
}
