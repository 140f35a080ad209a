import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors";
import type { Logger } from "../logger";
import { clientFacingError, type ErrorFormatter } from "../plugins/error-masking";

/** Chancery's own masked error, which already names the request id its log carries. */
const MASKED_BY_SUBGRAPH = /^Internal server error \(request id [\w-]+\)$/;

/**
 * The gateway's `formatError`, masking like the service does: errors with a contract code (the
 * subgraphs', the gateway's own request errors) pass without a stack; Chancery's masked internal
 * error passes with its request id; anything else (an unreachable subgraph, another subgraph's
 * fault) becomes INTERNAL_SERVER_ERROR with an id the log carries, so no stack and no internal
 * subgraph URL reaches the client.
 */
export function createGatewayErrorFormatter(log: Logger): ErrorFormatter {
  return (formatted, error) => {
    const clientFacing = clientFacingError(formatted);
    if (clientFacing) return clientFacing;
    const { locations, path } = formatted;
    const requestId = formatted.extensions?.requestId;
    if (MASKED_BY_SUBGRAPH.test(formatted.message) && typeof requestId === "string") {
      return { message: formatted.message, locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } };
    }
    const id = randomUUID();
    log.error({ err: error, requestId: id }, "gateway error masked");
    return {
      message: `Internal server error (request id ${id})`,
      locations,
      path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: id },
    } satisfies GraphQLFormattedError;
  };
}
