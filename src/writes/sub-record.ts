import type { EntityManager } from "typeorm";
import type { RecordTypeName } from "../entities/record-tables";
import { clientError, ErrorCode } from "../errors";
import type { CitationSubject } from "../import/citations";
import { fromGlobalId } from "../schema/global-id";

/** The parts of records that nested writes address by global id, with the record each belongs to. */
const PARTS = {
  Membership: { table: "membership", owner: "Coalition", ownerColumn: "coalition_id", citationSubject: "membershipId" },
  Position: { table: "position", owner: "Official", ownerColumn: "official_id", citationSubject: "positionId" },
  Meeting: { table: "meeting", owner: "Meeting", ownerColumn: "id", citationSubject: "meetingId" },
  Outcome: { table: "outcome", owner: "Outcome", ownerColumn: "id", citationSubject: "outcomeId" },
  Statement: { table: "statement", owner: "Statement", ownerColumn: "id", citationSubject: "statementId" },
} as const satisfies Record<
  string,
  { table: string; owner: RecordTypeName; ownerColumn: string; citationSubject: CitationSubject }
>;

export type PartTypeName = keyof typeof PARTS;

/** A part found by its global id: its own id, and the record (type and id) whose version its changes raise. */
export interface FoundPart {
  typeName: PartTypeName;
  id: number;
  ownerType: RecordTypeName;
  ownerId: number;
  citationSubject: CitationSubject;
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
  return { typeName, id: decoded.id, ownerType: part.owner, ownerId: rows[0].owner_id, citationSubject: part.citationSubject };
}
