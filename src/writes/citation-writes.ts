import { clientError, ErrorCode } from "../errors";
import { citationValues, insertCitations } from "../import/citations";
import { CITATION } from "../records/citation.part";
import type { CitationInput } from "../schema/citation.input";
import { fromGlobalId, toGlobalId } from "../schema/global-id";
import { readPartInput } from "./part-input";
import { changeRecord, loadRecord } from "./record-write";
import { CITED_PART_SQL, findPart, PART_TYPE_NAMES } from "./sub-record";
import type { WriteContext } from "./write-context";

/** `addCitation`: cites one more source for a membership, position, meeting, outcome or statement. */
export async function addCitation(context: WriteContext, subject: string, input: CitationInput, expectedVersion?: number | null) {
  const { manager } = context;
  const part = await findPart(manager, subject, PART_TYPE_NAMES, "subject");
  let wanted: ReturnType<typeof citationValues> = [];
  await changeRecord(context, part.ownerType, part.ownerId, expectedVersion, {
    check: async (_record, reader) => {
      const read = await readPartInput(manager, reader, CITATION, input);
      if (read) wanted = citationValues([read.part], read.keys);
    },
    apply: () => insertCitations(manager, part.citationSubject, part.id, wanted),
  });
  return loadRecord(manager, part.ownerType, part.ownerId);
}

/** `removeCitation`: removes one citation (by its id); the record that held it gets a new version. */
export async function removeCitation(context: WriteContext, citation: string, expectedVersion?: number | null) {
  const { manager } = context;
  const decoded = fromGlobalId(citation);
  if (decoded?.typeName !== "Citation")
    throw clientError(ErrorCode.NOT_FOUND, `citation: "${citation}" is not the id of a Citation`);
  const rows: { subject: string }[] = await manager.query(`SELECT ${CITED_PART_SQL} AS subject FROM citation WHERE id = $1`, [
    decoded.id,
  ]);
  if (rows.length === 0) throw clientError(ErrorCode.NOT_FOUND, `citation: no Citation with id "${citation}"`);
  const [typeName, id] = rows[0].subject.split(":");
  const part = await findPart(manager, toGlobalId(typeName, Number(id)), PART_TYPE_NAMES, "citation");
  await changeRecord(context, part.ownerType, part.ownerId, expectedVersion, {
    apply: () => manager.query(`DELETE FROM citation WHERE id = $1`, [decoded.id]),
  });
  return loadRecord(manager, part.ownerType, part.ownerId);
}
