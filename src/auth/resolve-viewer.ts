import { HeaderMap } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { clientError, ErrorCode } from "../errors";
import { findLiveApiKey, touchApiKey } from "./api-keys";
import { ANONYMOUS, type Viewer } from "./viewer";

export interface ResolveViewerOptions {
  /** REQUIRE_AUTH: refuse anonymous clients instead of letting them read. */
  requireAuth?: boolean;
}

/** UNAUTHENTICATED with HTTP 401 and the RFC 6750 challenge (Apollo turns `extensions.http` into the response head). */
export function unauthenticated(message: string): GraphQLError {
  return clientError(ErrorCode.UNAUTHENTICATED, message, {
    http: { status: 401, headers: new HeaderMap([["www-authenticate", 'Bearer realm="chancery"']]) },
  });
}

/** The secret of an `Authorization: Bearer <key>` header, or null when the header is not of that form. */
function bearerSecret(header: string): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Who sent the request. No header: anonymous (refused when `requireAuth`). A header that is not
 * `Bearer <key>`, or names no live key: UNAUTHENTICATED; a bad key is never downgraded to anonymous.
 */
export async function resolveViewer(
  dataSource: DataSource,
  authorizationHeader?: string,
  options: ResolveViewerOptions = {},
): Promise<Viewer> {
  if (authorizationHeader === undefined) {
    if (options.requireAuth) throw unauthenticated("this server requires an API key: send Authorization: Bearer <key>");
    return ANONYMOUS;
  }
  const secret = bearerSecret(authorizationHeader);
  if (secret === null) throw unauthenticated("malformed Authorization header: expected Bearer <key>");
  const key = await findLiveApiKey(dataSource, secret);
  if (!key) throw unauthenticated("the API key is not valid (unknown or revoked)");
  await touchApiKey(dataSource, key).catch(() => undefined);
  return { apiKeyId: key.id, label: key.label, role: key.role };
}
