import type { EntityManager } from "typeorm";
import { Outcome } from "../entities/outcome.entity";
import type { CreateOutcomeInput, UpdateOutcomeInput } from "../schema/outcome.input";
import { checkCitations, insertCitations, replaceCitations, wantCitationSources } from "./citations";
import { toLocalizedText } from "./localized-text";
import { meetingIdOfOutcome, withMeetingsOfOutcome } from "./meeting-of-outcome";
import type { Problems } from "./problems";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { References } from "./references";
import { type ColumnValues, insertLinks, insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

type OutcomeInput = CreateOutcomeInput | UpdateOutcomeInput;

function prepareOutcome(input: OutcomeInput, references: References, problems: Problems): void {
  references.want("meeting", input.meeting, "input.meeting");
  references.want("meeting", input.followUpMeeting, "input.followUpMeeting");
  references.wantAll("topic", input.topics, "input.topics");
  references.wantAll("state", input.parties, "input.parties");
  wantCitationSources(references, input.sources, "input.sources");
  checkCitations(input.sources, "input.sources", problems);
}

function outcomeColumns(input: OutcomeInput, references: References): ColumnValues {
  return {
    slug: input.slug,
    meeting_id: input.meeting === undefined ? undefined : references.id("meeting", input.meeting),
    kind: input.kind,
    status: input.status,
    summary: toLocalizedText(input.summary),
    follow_up_meeting_id: input.followUpMeeting === undefined ? undefined : references.id("meeting", input.followUpMeeting),
  };
}

async function writeLinks(manager: EntityManager, outcomeId: number, input: OutcomeInput, references: References): Promise<void> {
  if (input.topics !== undefined) {
    await manager.query(`DELETE FROM outcome_topic WHERE outcome_id = $1`, [outcomeId]);
    const topicIds = (input.topics ?? []).map((topic) => references.id("topic", topic));
    await insertLinks(manager, "outcome_topic", "outcome_id", outcomeId, "topic_id", topicIds);
  }
  if (input.parties !== undefined) {
    await manager.query(`DELETE FROM outcome_party WHERE outcome_id = $1`, [outcomeId]);
    const stateIds = (input.parties ?? []).map((code) => references.id("state", code));
    await insertLinks(manager, "outcome_party", "outcome_id", outcomeId, "state_id", stateIds);
  }
}

/** `createOutcome`: an outcome of an existing meeting (named by `input.meeting`). */
export async function createOutcome(context: WriteContext, input: CreateOutcomeInput): Promise<Outcome> {
  const { manager } = context;
  const problems = await inputProblems(input);
  const references = new References(manager);
  prepareOutcome(input, references, problems);
  await references.load(problems);
  await checkKeyFree(manager, "Outcome", input.slug, "input.slug", problems);
  problems.throwIfAny();
  const id = await withMeetingsOfOutcome(context, [references.id("meeting", input.meeting)], async () => {
    const outcomeId = await insertRow(manager, "outcome", outcomeColumns(input, references));
    await writeLinks(manager, outcomeId, input, references);
    await insertCitations(manager, references, "outcome_id", outcomeId, input.sources);
    await recordCreation(context, "Outcome", outcomeId);
    return outcomeId;
  });
  return manager.findOneByOrFail(Outcome, { id });
}

export async function updateOutcome(
  context: WriteContext,
  slug: string,
  input: UpdateOutcomeInput,
  expectedVersion: number,
): Promise<Outcome> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Outcome", slug, expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      prepareOutcome(input, references, problems);
      await references.load(problems);
      await checkKeyFree(manager, "Outcome", input.slug, "input.slug", problems, record.id);
    },
    apply: async (record) => {
      const meetings = [await meetingIdOfOutcome(context, record.id)];
      if (input.meeting) meetings.push(references.id("meeting", input.meeting));
      await withMeetingsOfOutcome(context, meetings, async () => {
        await updateRow(manager, "outcome", record.id, outcomeColumns(input, references));
        await writeLinks(manager, record.id, input, references);
        if (input.sources !== undefined)
          await replaceCitations(manager, references, "outcome_id", record.id, input.sources ?? []);
      });
    },
  });
  return manager.findOneByOrFail(Outcome, { id });
}
