import pino from "pino";

/** JSON logs on stdout. Request-scoped children carry `requestId` (see src/http/request-context.ts). */
export function createLogger(level: string): pino.Logger {
  return pino({ level, base: { service: "chancery" }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = pino.Logger;
