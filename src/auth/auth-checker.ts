import type { AuthCheckerFn } from "type-graphql";
import type { RequestContext } from "../context";
import { clientError, ErrorCode } from "../errors";
import { Role, roleAtLeast } from "./role";

/** What an anonymous client may do when REQUIRE_AUTH is off: what a READER may (reads only). */
const ANONYMOUS_ROLE = Role.READER;

function neededRole(roles: Role[]): Role | null {
  if (roles.length === 0) return null;
  return roles.reduce((lowest, role) => (roleAtLeast(lowest, role) ? role : lowest));
}

/**
 * The one place roles are checked. `@Authorized()` needs any API key; `@Authorized(Role.X)` needs
 * role X or above (the lowest of several listed). Refusals are errors, never silent nulls:
 * UNAUTHENTICATED for an anonymous client, FORBIDDEN for a key whose role is too low (both answered
 * with HTTP 200 beside the data, as execution errors are; a bad key is refused earlier with 401).
 */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  const { viewer } = context;
  const needed = neededRole(roles);
  if (viewer.role === null) {
    if (needed !== null && roleAtLeast(ANONYMOUS_ROLE, needed)) return true;
    throw clientError(ErrorCode.UNAUTHENTICATED, `this needs an API key with role ${needed ?? Role.READER} or above`);
  }
  if (needed === null || roleAtLeast(viewer.role, needed)) return true;
  throw clientError(ErrorCode.FORBIDDEN, `this needs role ${needed} or above; the key "${viewer.label}" has ${viewer.role}`, {
    requiredRole: needed,
  });
};
