import type { EntityManager } from "typeorm";
import { Statement } from "../entities/statement.entity";
import { clientError, ErrorCode } from "../errors";
import { fromGlobalId } from "../schema/global-id";
import type { CreateStatementInput, UpdateStatementInput } from "../schema/statement.input";
import { checkCitations, insertCitations, replaceCitations, wantCitationSources } from "./citations";
import type { Problems } from "./problems";
import { changeRecord, inputProblems, recordCreation } from "./record-write";
import { References } from "./references";
import { type ColumnValues, insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

type StatementInput = CreateStatementInput | UpdateStatementInput;

/** A Statement's global id as its internal id; NOT_FOUND for an id of another type or none of ours. */
export function statementIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (decoded?.typeName !== "Statement") throw clientError(ErrorCode.NOT_FOUND, `no Statement with id "${globalId}"`);
  return decoded.id;
}

function prepareStatement(input: StatementInput, references: References, problems: Problems): void {
  references.want("official", input.official, "input.official");
  references.want("meeting", input.meeting, "input.meeting");
  references.want("source", input.source, "input.source");
  wantCitationSources(references, input.sources, "input.sources");
  checkCitations(input.sources, "input.sources", problems);
}

/** The same official saying the same text is the same statement (statement_natural_key). */
async function checkNotDuplicate(manager: EntityManager, officialId: number, text: string, exceptId: number, problems: Problems) {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM statement WHERE official_id = $1 AND md5(text) = md5($2) AND id <> $3`,
    [officialId, text, exceptId],
  );
  if (rows.length > 0) problems.add("input.text", "this official already has a statement with this text");
}

function statementColumns(input: StatementInput, references: References): ColumnValues {
  return {
    official_id: input.official === undefined ? undefined : references.id("official", input.official),
    meeting_id: input.meeting === undefined ? undefined : references.id("meeting", input.meeting),
    text: input.text,
    lang: input.lang,
    made_on: input.madeOn,
    source_id: input.source === undefined ? undefined : references.id("source", input.source),
  };
}

export async function createStatement(context: WriteContext, input: CreateStatementInput): Promise<Statement> {
  const { manager } = context;
  const problems = await inputProblems(input);
  const references = new References(manager);
  prepareStatement(input, references, problems);
  await references.load(problems);
  if (problems.isEmpty) await checkNotDuplicate(manager, references.id("official", input.official), input.text, 0, problems);
  problems.throwIfAny();
  const id = await insertRow(manager, "statement", statementColumns(input, references));
  await insertCitations(manager, references, "statement_id", id, input.sources);
  await recordCreation(context, "Statement", id);
  return manager.findOneByOrFail(Statement, { id });
}

export async function updateStatement(
  context: WriteContext,
  globalId: string,
  input: UpdateStatementInput,
  expectedVersion: number,
): Promise<Statement> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Statement", statementIdOf(globalId), expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      prepareStatement(input, references, problems);
      await references.load(problems);
      if (problems.isEmpty && (input.official !== undefined || input.text !== undefined)) {
        const current = await manager.findOneByOrFail(Statement, { id: record.id });
        const officialId = input.official === undefined ? current.officialId : references.id("official", input.official);
        await checkNotDuplicate(manager, officialId, input.text ?? current.text, record.id, problems);
      }
    },
    apply: async (record) => {
      await updateRow(manager, "statement", record.id, statementColumns(input, references));
      if (input.sources !== undefined)
        await replaceCitations(manager, references, "statement_id", record.id, input.sources ?? []);
    },
  });
  return manager.findOneByOrFail(Statement, { id });
}
