import { ConfigError } from "../config";
import { EmbeddedPostgresError } from "../db/embedded-postgres";

/**
 * The one line to print for failures a user fixes without reading code (a bad variable, the embedded
 * database held by another process); undefined for the rest, which are printed in full.
 */
export function userFacingReason(error: unknown): string | undefined {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) return error.message;
  return undefined;
}
