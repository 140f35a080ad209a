import type { GraphQLRequestContextWillSendResponse } from "@apollo/server";

/** The `extensions.code` of every error in the response about to be sent (after masking). */
export function responseErrorCodes<T extends object>(requestContext: GraphQLRequestContextWillSendResponse<T>): string[] {
  const body = requestContext.response.body;
  if (body.kind !== "single") return [];
  return (body.singleResult.errors ?? []).map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
}

/** The operation's name as the client gave it (null for anonymous operations). */
export function operationNameOf<T extends object>(requestContext: GraphQLRequestContextWillSendResponse<T>): string | null {
  return requestContext.operationName ?? requestContext.request.operationName ?? null;
}
