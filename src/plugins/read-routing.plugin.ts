import type { IncomingHttpHeaders } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import type { DataSource } from "typeorm";
import { createRequestContext, type RequestContext } from "../context";
import { classifyDatabaseError } from "../db/database-errors";
import { parseLsn } from "../db/lsn";
import type { ReadReplicas } from "../db/read-replicas";
import { clientError, ErrorCode } from "../errors";
import { createLoaders } from "../loaders";

/** The header that carries a write's consistency token out, and a reader's back in. */
export const CONSISTENCY_HEADER = "x-chancery-consistency";

/** The token a request presents, or null; a malformed one is BAD_USER_INPUT (HTTP 400) naming the header. */
export function consistencyToken(headers: IncomingHttpHeaders): bigint | null {
  const raw = headers[CONSISTENCY_HEADER];
  if (raw === undefined) return null;
  const text = Array.isArray(raw) ? raw.join(",") : raw;
  const position = parseLsn(text);
  if (position !== null) return position;
  throw clientError(
    ErrorCode.BAD_USER_INPUT,
    `the ${CONSISTENCY_HEADER} header must be the consistency token of an earlier write's response (such as 0/1A2B3C4D), not ${JSON.stringify(text.slice(0, 40))}`,
    { http: { status: 400 } },
  );
}

/** The context to run a request again on the primary after its replica failed under it: same viewer, no second admission. */
export function primaryRetryContext(first: RequestContext, primary: DataSource): RequestContext {
  const retry = createRequestContext(primary, first.requestId, first.log, first.viewer, first.savedQueryPipeline);
  retry.reads = { ...retry.reads, token: first.reads.token, primaryOnly: true };
  return retry;
}

/** Where the primary's WAL is now: past the commit of every write that has returned. */
async function writePosition(primary: DataSource): Promise<string | null> {
  const [{ position }] = await primary.query("SELECT pg_current_wal_insert_lsn()::text AS position");
  return position ?? null;
}

/**
 * Decides per operation where its reads run. Queries go to a replica in rotation (one that has replayed
 * the presented token, else the primary); mutations, and so everything in a write's transaction, stay
 * on the primary, and their responses carry the token of what they wrote. Subscriptions never pass
 * through here and read the primary.
 */
export function readRoutingPlugin(primary: DataSource, replicas: ReadReplicas | null): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const { reads } = contextValue;
          if (!replicas || operation?.operation !== "query" || reads.primaryOnly) return;
          const replica = await replicas.choose(reads.token);
          if (!replica) return;
          replica.reads += 1;
          reads.replica = replica;
          contextValue.dataSource = replica.dataSource;
          contextValue.loaders = createLoaders(replica.dataSource);
        },
        async didEncounterErrors({ errors, contextValue }) {
          const { replica } = contextValue.reads;
          const failure = errors.find((error) => classifyDatabaseError(error) === "UNAVAILABLE");
          if (!replica || !failure) return;
          contextValue.reads.replicaFailed = true;
          replicas?.markDown(replica, failure);
        },
        async willSendResponse({ operation, response, contextValue }) {
          if (operation?.operation !== "mutation" || response.body.kind !== "single") return;
          const token = await writePosition(primary).catch((error: unknown) => {
            contextValue.log.warn(
              { err: (error as Error).message },
              "no consistency token: the primary's WAL position is unknown",
            );
            return null;
          });
          if (!token) return;
          response.http.headers.set(CONSISTENCY_HEADER, token);
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, consistency: token };
        },
      };
    },
  };
}
