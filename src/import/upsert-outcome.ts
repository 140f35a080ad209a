import type { EntityManager } from "typeorm";
import { Outcome } from "../entities/outcome.entity";
import { type Entry, RECORDS } from "../records";
import { citationValues, syncCitations } from "./citations";
import type { ImportTally } from "./import-result";
import { syncLinks } from "./link-tables";
import type { RecordKeys } from "./record-keys";
import { type UpsertedRecord, upsertRecord } from "./record-upsert";
import { recordValues } from "./record-values";
import { loadStoredOutcomes, type StoredOutcomes, storedFor, storedOutcome } from "./stored-parts";

/**
 * Upserts the outcome entries listed on their own (each naming its meeting; one left out keeps the
 * stored one), after the meetings.
 */
export async function upsertOutcomes(manager: EntityManager, outcomes: Entry<"Outcome">[], keys: RecordKeys, tally: ImportTally) {
  if (outcomes.length === 0) return;
  const stored = await loadStoredOutcomes(manager, outcomes);
  for (const outcome of outcomes) {
    const meetingId = outcome.meeting === undefined ? undefined : keys.id("meeting", outcome.meeting);
    tally.count("Outcome", (await upsertOutcome(manager, outcome, meetingId, keys, stored)).action);
  }
}

/**
 * Upserts one of a meeting's outcomes by slug (an outcome named under another meeting moves here). The
 * entry is a patch: fields and lists it leaves out stay as stored.
 */
export async function upsertOutcome(
  manager: EntityManager,
  outcome: Entry<"Outcome">,
  meetingId: number | undefined,
  keys: RecordKeys,
  stored: StoredOutcomes,
): Promise<UpsertedRecord> {
  const values = { ...recordValues(manager, Outcome, RECORDS.Outcome, outcome, keys), meetingId };
  const topicIds = outcome.topics?.map((topic) => keys.id("topic", topic));
  const partyIds = outcome.parties?.map((state) => keys.id("state", state));
  const citations = outcome.sources && citationValues(outcome.sources, keys);
  return upsertRecord(manager, Outcome, storedOutcome(stored, outcome), values, async (outcomeId, isNew) => {
    const topicsChanged = await syncLinks(
      manager,
      "outcome_topic",
      outcomeId,
      topicIds,
      storedFor(stored.topics, outcomeId, isNew),
    );
    const partiesChanged = await syncLinks(
      manager,
      "outcome_party",
      outcomeId,
      partyIds,
      storedFor(stored.parties, outcomeId, isNew),
    );
    const citationsChanged = await syncCitations(
      manager,
      "outcomeId",
      outcomeId,
      citations,
      storedFor(stored.citations, outcomeId, isNew),
    );
    return topicsChanged || partiesChanged || citationsChanged;
  });
}
