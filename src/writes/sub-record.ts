import type { EntityManager } from "typeorm";
import { clientError, ErrorCode } from "../errors";
import type { CitationSubject } from "../import/citations";
import { RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../records";
import { CITATION } from "../records/citation.part";
import type { Fields } from "../records/fields";
import { fromGlobalId } from "../schema/global-id";

/** Where a citable record or part is kept, and the record whose version its changes raise. */
interface PartLocation {
  table: string;
  owner: RecordTypeName;
  ownerColumn: string;
  citationSubject: CitationSubject;
}

const isCitable = (fields: Fields) =>
  Object.values(fields).some((field) => field.rule.kind === "parts" && field.rule.part === CITATION);

/** `membershipId` for a Membership: the key `insertCitations` names the cited fact by. */
const citationSubjectOf = (typeName: string) => `${typeName[0].toLowerCase()}${typeName.slice(1)}Id` as CitationSubject;

/**
 * What nested writes address by global id, derived from the record descriptions: every record and every stored
 * part (`PartShape.stored`) that has `sources`, i.e. whatever a citation can cite.
 */
function citableParts(): Record<string, PartLocation> {
  const found: Record<string, PartLocation> = {};
  for (const owner of RECORD_TYPE_NAMES) {
    const { table, fields } = RECORDS[owner];
    if (isCitable(fields)) found[owner] = { table, owner, ownerColumn: "id", citationSubject: citationSubjectOf(owner) };
    for (const { rule } of Object.values(fields as Fields)) {
      const part = rule.kind === "parts" || rule.kind === "object" ? rule.part : null;
      if (!part?.stored || !isCitable(part.fields)) continue;
      found[part.name] = { ...part.stored, owner, citationSubject: citationSubjectOf(part.name) };
    }
  }
  return found;
}

const PARTS = citableParts();

/** The type names `findPart` knows (Membership, Position, Meeting, Outcome, Statement). */
export const PART_TYPE_NAMES: readonly string[] = Object.keys(PARTS);

/** SQL over a `citation` row: the part it cites as `Type:id` (`meeting_id` for a Meeting; names from the descriptions). */
export const CITED_PART_SQL = `CASE ${PART_TYPE_NAMES.map((name) => {
  const column = `${name.replace(/(?<!^)[A-Z]/g, (letter) => `_${letter}`).toLowerCase()}_id`;
  return `WHEN ${column} IS NOT NULL THEN '${name}:' || ${column}`;
}).join(" ")} END`;

/** A part found by its global id: its own id, and the record (type and id) whose version its changes raise. */
export interface FoundPart {
  typeName: string;
  id: number;
  ownerType: RecordTypeName;
  ownerId: number;
  citationSubject: CitationSubject;
}

/** Finds a part by global id among the allowed types; NOT_FOUND when the id names nothing of those types. */
export async function findPart(
  manager: EntityManager,
  globalId: string,
  allowed: readonly string[],
  argument: string,
): Promise<FoundPart> {
  const decoded = fromGlobalId(globalId);
  const typeName = allowed.find((allowedType) => allowedType === decoded?.typeName);
  if (!decoded || !typeName) {
    throw clientError(ErrorCode.NOT_FOUND, `${argument}: "${globalId}" is not the id of a ${allowed.join(" or ")}`);
  }
  const part = PARTS[typeName];
  if (!part) throw new Error(`${typeName} is not a part findPart knows`);
  const rows: { owner_id: number }[] = await manager.query(
    `SELECT "${part.ownerColumn}" AS owner_id FROM "${part.table}" WHERE id = $1`,
    [decoded.id],
  );
  if (rows.length === 0) throw clientError(ErrorCode.NOT_FOUND, `${argument}: no ${typeName} with id "${globalId}"`);
  return { typeName, id: decoded.id, ownerType: part.owner, ownerId: rows[0].owner_id, citationSubject: part.citationSubject };
}
