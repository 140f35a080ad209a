/**
 * `npm run saved -- list | show NAME | run NAME [--var k=v]... [--csv] [--path a.b] | check | approve NAME
 * [--expected-version N] | revoke NAME`: saved queries for analysts at the command line; `approve` and
 * `revoke` curate the SAFELIST as an operator (approved by no key). `run` goes through the server's request pipeline;
 * `--var` values are typed by the variables' declared types, as `/saved/{name}` does. `check` exits 1
 * when a saved query no longer validates against the current schema.
 */
import { parseArgs } from "node:util";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { Role } from "../auth/role";
import { loadConfig } from "../config";
import { createRequestContext } from "../context";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { SavedQuery } from "../entities/saved-query.entity";
import { type AppDeps, createApp } from "../http/app";
import { createLogger } from "../logger";
import { savedQueryRestPath } from "../resolvers/saved-query.resolver";
import { findFirstList, listAtPath, toCsv } from "../saved-queries/csv-export";
import { operationsOf, parseDocument } from "../saved-queries/document-check";
import { prepareRun } from "../saved-queries/run-saved-query";
import { savedQueryPipeline } from "../saved-queries/saved-query-pipeline";
import { findBrokenSavedQueries } from "../saved-queries/saved-query-report";
import { findSavedQuery, setSavedQueryApproval } from "../saved-queries/saved-query-store";
import { type QueryStringValue, variablesFromQueryString } from "../saved-queries/variable-coercion";
import { buildChancerySchema } from "../schema/build-schema";
import { userFacingReason } from "./cli-errors";

const USAGE =
  "usage: npm run saved -- list | show NAME | run NAME [--var k=v]... [--csv] [--path a.b] | check | approve NAME [--expected-version N] | revoke NAME";

class UsageError extends Error {}

function approvalOf(saved: SavedQuery): string {
  return saved.approvedVersion === saved.version ? "approved" : "unapproved";
}

async function list(dataSource: DataSource): Promise<void> {
  const savedQueries = await dataSource.getRepository(SavedQuery).find({ order: { name: "ASC" }, relations: { owner: true } });
  if (savedQueries.length === 0) console.log("no saved queries");
  for (const saved of savedQueries) {
    console.log(`${saved.name}\tv${saved.version}\t${approvalOf(saved)}\t${saved.owner?.label ?? "-"}\t${saved.title}`);
  }
}

async function show(dataSource: DataSource, name: string): Promise<void> {
  const saved = await findSavedQuery(dataSource, name);
  const owner =
    saved.ownerApiKeyId === null
      ? null
      : await dataSource.query(`SELECT label FROM api_key WHERE id = $1`, [saved.ownerApiKeyId]);
  console.log(`${saved.name} (version ${saved.version}): ${saved.title}`);
  if (saved.description) console.log(saved.description);
  console.log(
    `owner: ${owner?.[0]?.label ?? "-"}; ${approvalOf(saved)}; REST: ${savedQueryRestPath(saved.name)}; updated ${saved.updatedAt.toISOString()}`,
  );
  if (saved.variables) console.log(`default variables: ${JSON.stringify(saved.variables)}`);
  console.log("");
  console.log(saved.document);
}

/** `--var k=v` pairs (repeated keys make lists), typed by the saved document's declarations. */
function cliVariables(saved: SavedQuery, pairs: string[]): Record<string, unknown> {
  const raw: Record<string, QueryStringValue> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--var takes name=value (got ${JSON.stringify(pair)})`);
    const [key, value] = [pair.slice(0, at), pair.slice(at + 1)];
    const previous = raw[key];
    raw[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const { ast } = parseDocument(saved.document);
  const [operation] = ast ? operationsOf(ast) : [];
  if (!operation) throw new UsageError(`saved query "${saved.name}" does not parse`);
  const { values, problems } = variablesFromQueryString(operation, raw);
  if (problems.length > 0) throw new UsageError(problems.map((problem) => problem.message).join("\n"));
  return values;
}

/**
 * Runs the saved query through the server's request pipeline (not listening on any port): the same
 * validation, limits, SAFELIST and error masking as a READER's `GET /saved/{name}`.
 */
async function run(app: AppDeps, schema: GraphQLSchema, args: string[]): Promise<number> {
  const { dataSource, log } = app;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { var: { type: "string", multiple: true }, csv: { type: "boolean" }, path: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError(`run takes one saved query name\n${USAGE}`);
  const saved = await findSavedQuery(dataSource, positionals[0]);
  const { variables } = prepareRun(schema, saved, cliVariables(saved, values.var ?? []));
  const { apollo } = await createApp(app);
  try {
    const pipeline = savedQueryPipeline(apollo, app.config.limits.maxTokens);
    const context = createRequestContext(dataSource, "cli", log, { apiKeyId: null, label: "cli", role: Role.READER }, pipeline);
    const result = await pipeline(saved, variables, context);
    for (const error of result.errors ?? []) console.error(`error: ${error.message}`);
    if (!result.data) return 1;
    if (!values.csv) {
      console.log(JSON.stringify(result.data, null, 2));
      return result.errors ? 1 : 0;
    }
    const items = values.path ? listAtPath(result.data, values.path) : (findFirstList(result.data)?.items ?? null);
    if (!items) throw new UsageError(values.path ? `no list at "${values.path}" in the result` : "the result holds no list");
    process.stdout.write(toCsv(items));
    return result.errors ? 1 : 0;
  } finally {
    await apollo.stop();
  }
}

async function check(dataSource: DataSource, schema: GraphQLSchema): Promise<number> {
  const { checked, broken } = await findBrokenSavedQueries(dataSource, schema);
  for (const saved of broken) {
    console.log(`${saved.name} (version ${saved.version}) no longer validates:`);
    for (const problem of saved.problems) console.log(`  ${problem}`);
  }
  console.log(`${checked} saved queries checked, ${broken.length} invalid`);
  return broken.length > 0 ? 1 : 0;
}

/** `approve NAME [--expected-version N]` / `revoke NAME`: the operator curates the SAFELIST. */
async function approval(dataSource: DataSource, schema: GraphQLSchema, approve: boolean, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: approve ? { "expected-version": { type: "string" } } : {},
  });
  if (positionals.length !== 1) throw new UsageError(`${approve ? "approve" : "revoke"} takes one saved query name\n${USAGE}`);
  const raw = values["expected-version"];
  const expected = typeof raw === "string" ? Number(raw) : null;
  if (expected !== null && !Number.isInteger(expected))
    throw new UsageError(`--expected-version takes a whole number (got ${raw})`);
  const saved = await setSavedQueryApproval(dataSource, schema, "cli", positionals[0], approve, expected);
  console.log(`${saved.name} (version ${saved.version}) is ${approvalOf(saved)}`);
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!["list", "show", "run", "check", "approve", "revoke"].includes(command ?? "")) throw new UsageError(USAGE);
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const database = await openDatabase(config, log, "chancery-saved");
  try {
    if (config.migrate) await applyMigrations(database.dataSource);
    if (command === "list") await list(database.dataSource);
    else if (command === "show") {
      if (args.length !== 1) throw new UsageError(`show takes one saved query name\n${USAGE}`);
      await show(database.dataSource, args[0]);
    } else {
      const schema = await buildChancerySchema();
      if (command === "approve" || command === "revoke") await approval(database.dataSource, schema, command === "approve", args);
      else
        return command === "run"
          ? await run({ config, dataSource: database.dataSource, log }, schema, args)
          : await check(database.dataSource, schema);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    // exitCode, not exit(): stdout may be a pipe still being written.
    process.exitCode = code;
  },
  (error) => {
    const known = error instanceof UsageError || error instanceof GraphQLError;
    console.error(known ? error.message : (userFacingReason(error) ?? error));
    process.exitCode = 1;
  },
);
