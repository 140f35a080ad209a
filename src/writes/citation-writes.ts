import type { EntityManager } from "typeorm";
import { Coalition } from "../entities/coalition.entity";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import type { RecordTypeName } from "../entities/record-tables";
import { Statement } from "../entities/statement.entity";
import { clientError, ErrorCode } from "../errors";
import type { CitationInput } from "../schema/citation.input";
import { fromGlobalId, toGlobalId } from "../schema/global-id";
import { insertCitations } from "./citations";
import { changeRecord, inputProblems } from "./record-write";
import { References } from "./references";
import { findPart, type PartTypeName } from "./sub-record";
import { bumpVersion } from "./versioned-record";
import type { WriteContext } from "./write-context";

const CITABLE: readonly PartTypeName[] = ["Membership", "Position", "Meeting", "Outcome", "Statement"];

/** A record that holds citations (itself or through its memberships/positions). */
export type CitingRecord = Coalition | Official | Meeting | Outcome | Statement;

const ENTITIES = { Coalition, Official, Meeting, Outcome, Statement } as const;

function loadOwner(manager: EntityManager, ownerType: RecordTypeName, id: number): Promise<CitingRecord> {
  const entity = ENTITIES[ownerType as keyof typeof ENTITIES];
  return manager.findOneByOrFail<CitingRecord>(entity, { id });
}

/** `addCitation`: cites one more source for a membership, position, meeting, outcome or statement. */
export async function addCitation(
  context: WriteContext,
  subject: string,
  input: CitationInput,
  expectedVersion?: number | null,
): Promise<CitingRecord> {
  const { manager } = context;
  const part = await findPart(manager, subject, CITABLE, "subject");
  const references = new References(manager);
  await changeRecord(context, part.ownerType, part.ownerId, expectedVersion, {
    problems: await inputProblems(input),
    check: async (_record, problems) => {
      references.want("source", input.source, "input.source");
      if (input.quoteLang && !input.quote) problems.add("input.quoteLang", "is given without a quote");
      await references.load(problems);
    },
    apply: async (record) => {
      await insertCitations(manager, references, part.citationColumn, part.id, [input]);
      await bumpVersion(manager, part.ownerType, record.id);
    },
  });
  return loadOwner(manager, part.ownerType, part.ownerId);
}

/** `removeCitation`: removes one citation (by its id); the record that held it gets a new version. */
export async function removeCitation(
  context: WriteContext,
  citation: string,
  expectedVersion?: number | null,
): Promise<CitingRecord> {
  const { manager } = context;
  const decoded = fromGlobalId(citation);
  if (decoded?.typeName !== "Citation")
    throw clientError(ErrorCode.NOT_FOUND, `citation: "${citation}" is not the id of a Citation`);
  const rows: { subject: string }[] = await manager.query(
    `SELECT CASE WHEN membership_id IS NOT NULL THEN 'Membership:' || membership_id
                 WHEN position_id IS NOT NULL THEN 'Position:' || position_id
                 WHEN meeting_id IS NOT NULL THEN 'Meeting:' || meeting_id
                 WHEN outcome_id IS NOT NULL THEN 'Outcome:' || outcome_id
                 ELSE 'Statement:' || statement_id END AS subject
     FROM citation WHERE id = $1`,
    [decoded.id],
  );
  if (rows.length === 0) throw clientError(ErrorCode.NOT_FOUND, `citation: no Citation with id "${citation}"`);
  const [typeName, id] = rows[0].subject.split(":");
  const part = await findPart(manager, toGlobalId(typeName, Number(id)), CITABLE, "citation");
  await changeRecord(context, part.ownerType, part.ownerId, expectedVersion, {
    apply: async (record) => {
      await manager.query(`DELETE FROM citation WHERE id = $1`, [decoded.id]);
      await bumpVersion(manager, part.ownerType, record.id);
    },
  });
  return loadOwner(manager, part.ownerType, part.ownerId);
}
