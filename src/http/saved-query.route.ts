import type { ApolloServer } from "@apollo/server";
import express, { type Request, type Response, Router } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { DataSource } from "typeorm";
import type { AccessGate } from "../auth/access-gate";
import { createRequestContext, type RequestContext } from "../context";
import type { SavedQuery } from "../entities/saved-query.entity";
import { ErrorCode, type InputProblem } from "../errors";
import { consistencyToken, primaryRetryContext } from "../plugins/read-routing.plugin";
import { findFirstList, listAtPath, toCsv } from "../saved-queries/csv-export";
import { nestedRunProblems, operationsOf, parseDocument } from "../saved-queries/document-check";
import { heldToSafelist } from "../saved-queries/safelist.plugin";
import { visibilityOf } from "../saved-queries/saved-query-list";
import { savedQueryPipeline } from "../saved-queries/saved-query-pipeline";
import { lookupSavedQuery } from "../saved-queries/saved-query-store";
import { type QueryStringValue, variablesFromQueryString } from "../saved-queries/variable-coercion";

export interface SavedQueryRouteOptions {
  dataSource: DataSource;
  apollo: ApolloServer<RequestContext>;
  admit: AccessGate;
  maxBodyBytes: number;
  /** MAX_QUERY_TOKENS: a saved document is counted like a document a client sends. */
  maxTokens: number;
  /** SAFELIST: a client held to it finds only approved saved queries and its own. */
  safelist: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sendErrors(res: Response, status: number, errors: readonly GraphQLFormattedError[]): void {
  res.status(status).json({ errors });
}

function badRequest(res: Response, problems: InputProblem[]): void {
  sendErrors(
    res,
    400,
    problems.map((problem) => ({
      message: `${problem.path}: ${problem.message}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, variable: problem.path },
    })),
  );
}

/** The query string as name → text (or texts, when repeated); express may also hand nested objects, which are refused. */
function queryParameters(req: Request): { values: Record<string, QueryStringValue>; problems: InputProblem[] } {
  const values: Record<string, QueryStringValue> = {};
  const problems: InputProblem[] = [];
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value === "string") values[name] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === "string")) values[name] = value;
    else problems.push({ path: name, message: "expected a plain value (repeat the parameter for a list)" });
  }
  return { values, problems };
}

/** The variables a request gives: query-string values typed by the declared types; a POST's JSON body over them. */
function requestVariables(
  req: Request,
  savedQuery: SavedQuery,
): { variables: Record<string, unknown>; problems: InputProblem[] } {
  const { ast } = parseDocument(savedQuery.document);
  const [operation] = ast ? operationsOf(ast) : [];
  const query = queryParameters(req);
  if (!operation) return { variables: {}, problems: [{ path: "document", message: "the saved document does not parse" }] };
  const fromQuery = variablesFromQueryString(operation, query.values);
  const problems = [...query.problems, ...fromQuery.problems];
  if (req.method !== "POST") return { variables: fromQuery.values, problems };
  const body: unknown = req.body;
  if (body === undefined) return { variables: fromQuery.values, problems };
  if (!isObject(body)) {
    return { variables: {}, problems: [...problems, { path: "body", message: "the body must be a JSON object of variables" }] };
  }
  return { variables: { ...fromQuery.values, ...body }, problems };
}

/** Answers the result as CSV: the first list in `data`, or the one at `?path=`. */
function sendCsv(req: Request, res: Response, name: string, data: Record<string, unknown>): void {
  const path = typeof req.query.path === "string" ? req.query.path : null;
  const items = path === null ? (findFirstList(data)?.items ?? null) : listAtPath(data, path);
  if (items === null) {
    badRequest(res, [
      { path: "path", message: path === null ? "the result holds no list" : `no list at "${path}" in the result` },
    ]);
    return;
  }
  res
    .status(200)
    .type("text/csv; charset=utf-8; header=present")
    .set("content-disposition", `inline; filename="${name}.csv"`)
    .send(toCsv(items));
}

/** GET or POST /saved/{name}: runs the saved query through Apollo (same plugins, limits and access rules as /graphql). */
async function runSaved(req: Request, res: Response, options: SavedQueryRouteOptions): Promise<void> {
  const name = String(req.params.name);
  const format = typeof req.query.format === "string" ? req.query.format : "json";
  if (format !== "json" && format !== "csv") {
    badRequest(res, [{ path: "format", message: `"${format}" is not json or csv` }]);
    return;
  }
  const token = consistencyToken(req.headers);
  const viewer = await options.admit(req);
  const visibility = visibilityOf(heldToSafelist(viewer, options.safelist), viewer);
  const savedQuery = await lookupSavedQuery(options.dataSource, name, visibility);
  if (!savedQuery) {
    sendErrors(res, 404, [{ message: `no saved query is named "${name}"`, extensions: { code: ErrorCode.NOT_FOUND } }]);
    return;
  }
  const { variables, problems } = requestVariables(req, savedQuery);
  if (problems.length > 0) {
    badRequest(res, problems);
    return;
  }
  const { ast } = parseDocument(savedQuery.document);
  const nestedRuns = ast ? nestedRunProblems(ast) : [];
  if (nestedRuns.length > 0) {
    badRequest(
      res,
      nestedRuns.map((problem) => ({ ...problem, message: `saved query "${name}" no longer validates: ${problem.message}` })),
    );
    return;
  }
  const pipeline = savedQueryPipeline(options.apollo, options.maxTokens);
  const context = createRequestContext(options.dataSource, String(req.id), req.log, viewer, pipeline);
  context.reads.token = token;
  const run = (on: RequestContext) => pipeline(savedQuery, { ...(savedQuery.variables ?? {}), ...variables }, on);
  let result = await run(context);
  if (context.reads.replicaFailed) result = await run(primaryRetryContext(context, options.dataSource));
  const { status, data, errors } = result;
  if (!data) {
    sendErrors(res, status === 200 ? 400 : status, errors ?? []);
    return;
  }
  if (format === "csv" && !errors) sendCsv(req, res, savedQuery.name, data);
  else res.status(200).json(errors ? { data, errors } : { data });
}

/** Refusals of the access gate (401, 429) answered like /graphql answers them. */
function sendGateError(res: Response, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions;
  const headers = isObject(http) && http.headers instanceof Map ? http.headers : new Map();
  for (const [header, value] of headers) res.set(String(header), String(value));
  const status = isObject(http) && typeof http.status === "number" ? http.status : 400;
  sendErrors(res, status, [{ message: error.message, extensions }]);
}

/** `/saved/{name}`: saved queries over REST, JSON or CSV. */
export function savedQueryRoute(options: SavedQueryRouteOptions): Router {
  const router = Router();
  const handle = (req: Request, res: Response, next: (error?: unknown) => void): void => {
    runSaved(req, res, options).catch((error: unknown) => {
      if (error instanceof GraphQLError && typeof error.extensions.code === "string") sendGateError(res, error);
      else next(error);
    });
  };
  router.get("/:name", handle);
  router.post("/:name", express.json({ limit: options.maxBodyBytes }), handle);
  return router;
}
