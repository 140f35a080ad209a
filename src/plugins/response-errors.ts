import type { GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { getOperationAST } from "graphql";

/** The `extensions.code` of every error in the response about to be sent (after masking). */
export function responseErrorCodes<T extends object>(requestContext: GraphQLRequestContextWillSendResponse<T>): string[] {
  const body = requestContext.response.body;
  if (body.kind !== "single") return [];
  return (body.singleResult.errors ?? []).map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
}

/** The operation's name as the client gave it, also when validation failed (null for anonymous operations). */
export function operationNameOf<T extends object>(requestContext: GraphQLRequestContextWillSendResponse<T>): string | null {
  if (requestContext.operationName) return requestContext.operationName;
  if (requestContext.request.operationName) return requestContext.request.operationName;
  const document = requestContext.document;
  return (document && getOperationAST(document)?.name?.value) ?? null;
}
