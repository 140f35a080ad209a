/**
 * `npm run apikey -- create --role ROLE --label TEXT | list [--json] | revoke ID|LABEL`.
 * `create` prints the new secret once, alone on the last line of stdout (scripts take `tail -n 1`);
 * only its SHA-256 is stored. Logs go to stderr so stdout carries nothing but the answer.
 */
import { parseArgs } from "node:util";
import pino from "pino";
import type { DataSource } from "typeorm";
import { ApiKeyError, type ApiKeySummary, createApiKey, listApiKeys, parseRole, revokeApiKey } from "../auth/api-keys";
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { userFacingReason } from "./cli-errors";

const USAGE = "usage: npm run apikey -- create --role READER|EDITOR|ADMIN --label TEXT | list [--json] | revoke ID|LABEL";

function describe(key: ApiKeySummary): string {
  const status = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
  const lastUsed = key.lastUsedAt ? key.lastUsedAt.toISOString() : "never";
  return `${key.id}\t${key.label}\t${key.role}\t${key.secretPrefix}…\tcreated ${key.createdAt.toISOString()}\tlast used ${lastUsed}\t${status}`;
}

async function create(dataSource: DataSource, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { role: { type: "string" }, label: { type: "string" } } });
  if (!values.role || !values.label) throw new ApiKeyError(`create needs --role and --label\n${USAGE}`);
  const { key, secret } = await createApiKey(dataSource, { role: parseRole(values.role), label: values.label });
  console.log(`Created API key ${key.id} "${key.label}" with role ${key.role}. It is shown only now; store it safely:`);
  console.log(secret);
}

async function list(dataSource: DataSource, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  const keys = await listApiKeys(dataSource);
  if (values.json) console.log(JSON.stringify(keys, null, 2));
  else if (keys.length === 0) console.log("no API keys");
  else for (const key of keys) console.log(describe(key));
}

async function revoke(dataSource: DataSource, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length !== 1) throw new ApiKeyError(`revoke takes one id or label\n${USAGE}`);
  const key = await revokeApiKey(dataSource, positionals[0]);
  console.log(`Revoked API key ${key.id} "${key.label}"`);
}

const COMMANDS: Record<string, (dataSource: DataSource, args: string[]) => Promise<void>> = { create, list, revoke };

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const run = COMMANDS[command ?? ""];
  if (!run) throw new ApiKeyError(USAGE);
  const config = loadConfig();
  const log = pino({ level: process.env.LOG_LEVEL ? config.logLevel : "warn" }, pino.destination(2));
  const database = await openDatabase(config, log, "chancery-apikey");
  try {
    if (config.migrate) await applyMigrations(database.dataSource);
    await run(database.dataSource, args);
  } finally {
    await database.close();
  }
}

/** Errors the user can fix (a bad argument, a duplicate label, a bad variable): one line, exit code 2. */
function userError(error: unknown): string | null {
  if (error instanceof ApiKeyError) return error.message;
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) return error.message;
  return userFacingReason(error) ?? null;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = userError(error);
  console.error(message === null ? error : `apikey: ${message}`);
  process.exit(message === null ? 1 : 2);
});
