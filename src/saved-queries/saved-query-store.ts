import { createHash } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { SAVED_QUERY_NAME_PATTERN, SavedQuery } from "../entities/saved-query.entity";
import { badInput, clientError, ErrorCode, type InputProblem } from "../errors";
import { checkSavedDocument, operationsOf, parseDocument } from "./document-check";
import { assertMayApprove, assertMayChange } from "./saved-query-access";
import { isVisible, type SavedQueryVisibility } from "./saved-query-list";
import { checkDefaultVariables } from "./variable-coercion";

/** What `saveQuery` takes (the GraphQL `SaveQueryInput`). */
export interface SaveQueryValues {
  name: string;
  title: string;
  description?: string | null;
  document: string;
  variables?: Record<string, unknown> | null;
}

/** Hex SHA-256 of a document's exact text: what an automatic persisted query sends as its hash. */
export function documentHash(document: string): string {
  return createHash("sha256").update(document, "utf8").digest("hex");
}

/** Every problem with the input, each with its path; the document is checked against `schema`. */
function checkSaveInput(schema: GraphQLSchema, input: SaveQueryValues): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!SAVED_QUERY_NAME_PATTERN.test(input.name)) {
    problems.push({ path: "input.name", message: "1 to 100 letters, digits, - or _, starting with a letter or digit" });
  }
  if (input.title.trim() === "") problems.push({ path: "input.title", message: "must not be empty" });
  const documentProblems = checkSavedDocument(schema, input.document, "input.document");
  problems.push(...documentProblems);
  const { ast } = parseDocument(input.document);
  const [operation] = ast ? operationsOf(ast) : [];
  if (documentProblems.length === 0 && operation && input.variables) {
    problems.push(...checkDefaultVariables(schema, operation, input.variables).map((p) => ({ ...p, path: `input.${p.path}` })));
  }
  return problems;
}

async function lockName(manager: EntityManager, name: string): Promise<SavedQuery | null> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('saved_query:' || $1))`, [name]);
  return manager.findOne(SavedQuery, { where: { name }, lock: { mode: "pessimistic_write" } });
}

/** title, description, document, variables, document hash: the columns every save writes, in this order. */
type SavedColumns = [string, string | null, string, Record<string, unknown> | null, string];

async function updateSavedQuery(manager: EntityManager, id: number, values: SavedColumns): Promise<number> {
  await manager.query(
    `UPDATE saved_query SET title = $1, description = $2, document = $3, variables = $4, document_hash = $5,
            version = version + 1, updated_at = now() WHERE id = $6`,
    [...values, id],
  );
  return id;
}

async function insertSavedQuery(manager: EntityManager, name: string, values: SavedColumns, viewer: Viewer): Promise<number> {
  const [row]: { id: number }[] = await manager.query(
    `INSERT INTO saved_query (title, description, document, variables, document_hash, name, owner_api_key_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [...values, name, viewer.apiKeyId],
  );
  return row.id;
}

/** With `expectedVersion`, the save applies only over that version (CONFLICT otherwise: someone saved in between). */
function assertExpectedVersion(name: string, existing: SavedQuery | null, expectedVersion: number | null): void {
  if (expectedVersion === null || existing?.version === expectedVersion) return;
  const found = existing ? `it is at version ${existing.version}` : "it does not exist";
  throw clientError(ErrorCode.CONFLICT, `saved query "${name}" is not at version ${expectedVersion}: ${found}`, {
    expectedVersion,
    actualVersion: existing?.version ?? null,
  });
}

/**
 * Saves a query under its name: a new saved query owned by the caller's key, or (for its owner or an
 * ADMIN) a new version of an existing one. Every save is kept as a SavedQueryVersion. One transaction.
 */
export async function saveQuery(
  dataSource: DataSource,
  schema: GraphQLSchema,
  viewer: Viewer,
  input: SaveQueryValues,
  expectedVersion: number | null = null,
): Promise<SavedQuery> {
  if (viewer.apiKeyId === null) throw clientError(ErrorCode.UNAUTHENTICATED, "saving a query needs an API key");
  const problems = checkSaveInput(schema, input);
  if (problems.length > 0) throw badInput(problems);
  const values: SavedColumns = [
    input.title,
    input.description ?? null,
    input.document,
    input.variables ?? null,
    documentHash(input.document),
  ];
  return dataSource.transaction(async (manager) => {
    const existing = await lockName(manager, input.name);
    if (existing) assertMayChange(viewer, existing);
    assertExpectedVersion(input.name, existing, expectedVersion);
    const id = existing
      ? await updateSavedQuery(manager, existing.id, values)
      : await insertSavedQuery(manager, input.name, values, viewer);
    await manager.query(
      `INSERT INTO saved_query_version (saved_query_id, version, title, description, document, variables, author_api_key_id)
       SELECT id, version, title, description, document, variables, $2 FROM saved_query WHERE id = $1`,
      [id, viewer.apiKeyId],
    );
    return manager.findOneByOrFail(SavedQuery, { id });
  });
}

/** Deletes a saved query with its versions (its owner or an ADMIN only); returns it as it was. */
export async function deleteSavedQuery(dataSource: DataSource, viewer: Viewer, name: string): Promise<SavedQuery> {
  return dataSource.transaction(async (manager) => {
    const existing = await lockName(manager, name);
    if (!existing) throw clientError(ErrorCode.NOT_FOUND, `no saved query is named "${name}"`);
    assertMayChange(viewer, existing);
    await manager.delete(SavedQuery, { id: existing.id });
    return existing;
  });
}

/**
 * The saved query of this name, or NOT_FOUND; one the client may not see (SAFELIST) answers exactly as a
 * name that does not exist, so that running names cannot probe for unapproved drafts.
 */
export async function findSavedQuery(
  dataSource: DataSource,
  name: string,
  visibility: SavedQueryVisibility = { all: true },
): Promise<SavedQuery> {
  const savedQuery = await lookupSavedQuery(dataSource, name, visibility);
  if (!savedQuery) throw clientError(ErrorCode.NOT_FOUND, `no saved query is named "${name}"`);
  return savedQuery;
}

/** The saved query of this name if the client may see it, else null. */
export async function lookupSavedQuery(
  dataSource: DataSource,
  name: string,
  visibility: SavedQueryVisibility,
): Promise<SavedQuery | null> {
  // PostgreSQL text cannot hold U+0000, so no saved query has such a name (and the lookup would fail).
  if (name.includes("\u0000")) return null;
  const savedQuery = await dataSource.getRepository(SavedQuery).findOneBy({ name });
  return savedQuery && isVisible(savedQuery, visibility) ? savedQuery : null;
}

/** True when some saved query's current version holds exactly this document (by its hash) and is approved. */
export async function isApprovedDocumentHash(dataSource: DataSource, hash: string): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    "SELECT 1 FROM saved_query WHERE document_hash = $1 AND approved_version = version LIMIT 1",
    [hash],
  );
  return rows.length > 0;
}

/**
 * Approves the current version of a saved query for the SAFELIST (an ADMIN any, an EDITOR its own, the
 * operator's CLI any), or
 * with `approve` false revokes the approval. With `expectedVersion`, only over that version (CONFLICT
 * otherwise: the owner saved a version the approver has not seen). A document that no longer validates
 * cannot be approved. One transaction.
 */
export async function setSavedQueryApproval(
  dataSource: DataSource,
  schema: GraphQLSchema,
  approver: Viewer | "cli",
  name: string,
  approve: boolean,
  expectedVersion: number | null = null,
): Promise<SavedQuery> {
  return dataSource.transaction(async (manager) => {
    const existing = await lockName(manager, name);
    if (!existing) throw clientError(ErrorCode.NOT_FOUND, `no saved query is named "${name}"`);
    if (approver !== "cli") assertMayApprove(approver, existing);
    assertExpectedVersion(name, existing, expectedVersion);
    if (approve) {
      const problems = checkSavedDocument(schema, existing.document);
      if (problems.length > 0) throw badInput(problems.map((problem) => ({ ...problem, path: "name" })));
      await manager.query(
        "UPDATE saved_query SET approved_version = version, approved_at = now(), approved_by_api_key_id = $2 WHERE id = $1",
        [existing.id, approver === "cli" ? null : approver.apiKeyId],
      );
    } else {
      await manager.query(
        "UPDATE saved_query SET approved_version = NULL, approved_at = NULL, approved_by_api_key_id = NULL WHERE id = $1",
        [existing.id],
      );
    }
    return manager.findOneByOrFail(SavedQuery, { id: existing.id });
  });
}
