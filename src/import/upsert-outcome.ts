import type { EntityManager } from "typeorm";
import type { Entry } from "../records";
import { citationRows, citationValues } from "./citations";
import type { ImportTally } from "./import-result";
import { syncOwnedRows } from "./owned-rows";
import type { RecordKeys } from "./record-keys";
import { type PlacedRecord, writeRecords } from "./record-upsert";

type OutcomeEntry = Entry<"Outcome">;

/** An outcome entry with the meeting it belongs to: the one it is nested in, else the one it names (undefined: stays). */
export interface PlacedOutcome {
  entry: OutcomeEntry;
  meetingId: number | undefined;
}

/** The outcomes' citations, synced for all of them at once. */
function syncOutcomeCitations(manager: EntityManager, placed: PlacedRecord<OutcomeEntry>[], keys: RecordKeys) {
  return syncOwnedRows(
    manager,
    citationRows("outcomeId"),
    placed.map(({ entry, id, existing }) => ({
      ownerId: id,
      isNew: existing === null,
      wanted: entry.sources && citationValues(entry.sources, keys),
    })),
  );
}

/**
 * Upserts outcomes by slug, nested ones and those listed on their own alike (an outcome named under
 * another meeting moves there). Each entry is a patch: fields and lists it leaves out stay as stored.
 */
export async function upsertOutcomes(
  manager: EntityManager,
  outcomes: PlacedOutcome[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  await writeRecords(
    manager,
    "Outcome",
    outcomes.map((outcome) => outcome.entry),
    keys,
    tally,
    {
      extraValues: (_entry, index) => ({ meetingId: outcomes[index].meetingId }),
      children: (m, placed) => syncOutcomeCitations(m, placed, keys),
    },
  );
}

/** The outcome entries listed on their own, each with the meeting it names. */
export function standaloneOutcomes(outcomes: OutcomeEntry[], keys: RecordKeys): PlacedOutcome[] {
  return outcomes.map((entry) => ({
    entry,
    meetingId: entry.meeting === undefined ? undefined : keys.id("meeting", entry.meeting),
  }));
}
