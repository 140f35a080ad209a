import type { EntityManager } from "typeorm";
import type { RecordTypeName } from "../entities/record-tables";
import { clientError, ErrorCode } from "../errors";
import { fromGlobalId } from "../schema/global-id";
import type { CitationSubjectColumn } from "./citations";

/** The parts of records that nested writes address by global id, with the record each belongs to. */
const PARTS = {
  Membership: { table: "membership", owner: "Coalition", ownerColumn: "coalition_id", citationColumn: "membership_id" },
  Position: { table: "position", owner: "Official", ownerColumn: "official_id", citationColumn: "position_id" },
  Meeting: { table: "meeting", owner: "Meeting", ownerColumn: "id", citationColumn: "meeting_id" },
  Outcome: { table: "outcome", owner: "Outcome", ownerColumn: "id", citationColumn: "outcome_id" },
  Statement: { table: "statement", owner: "Statement", ownerColumn: "id", citationColumn: "statement_id" },
} as const satisfies Record<
  string,
  { table: string; owner: RecordTypeName; ownerColumn: string; citationColumn: CitationSubjectColumn }
>;

export type PartTypeName = keyof typeof PARTS;

/** A part found by its global id: its own id, and the record (type and id) whose version its changes raise. */
export interface FoundPart {
  typeName: PartTypeName;
  id: number;
  ownerType: RecordTypeName;
  ownerId: number;
  citationColumn: CitationSubjectColumn;
}

/** Finds a part by global id among the allowed types; NOT_FOUND when the id names nothing of those types. */
export async function findPart(
  manager: EntityManager,
  globalId: string,
  allowed: readonly PartTypeName[],
  argument: string,
): Promise<FoundPart> {
  const decoded = fromGlobalId(globalId);
  const typeName = allowed.find((allowedType) => allowedType === decoded?.typeName);
  if (!decoded || !typeName) {
    throw clientError(ErrorCode.NOT_FOUND, `${argument}: "${globalId}" is not the id of a ${allowed.join(" or ")}`);
  }
  const part = PARTS[typeName];
  const rows: { owner_id: number }[] = await manager.query(
    `SELECT "${part.ownerColumn}" AS owner_id FROM "${part.table}" WHERE id = $1`,
    [decoded.id],
  );
  if (rows.length === 0) throw clientError(ErrorCode.NOT_FOUND, `${argument}: no ${typeName} with id "${globalId}"`);
  return { typeName, id: decoded.id, ownerType: part.owner, ownerId: rows[0].owner_id, citationColumn: part.citationColumn };
}
