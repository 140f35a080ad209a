import type { EntityManager } from "typeorm";
import { DatePrecision } from "../entities/enums";
import { Meeting } from "../entities/meeting.entity";
import type { CreateMeetingInput, UpdateMeetingInput } from "../schema/meeting.input";
import { checkCitations, insertCitations, replaceCitations, wantCitationSources } from "./citations";
import { toLocalizedText } from "./localized-text";
import { insertParticipant, prepareParticipants, replaceParticipants } from "./participants";
import type { Problems } from "./problems";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { References } from "./references";
import { type ColumnValues, insertLinks, insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

type MeetingInput = CreateMeetingInput | UpdateMeetingInput;

function prepareMeeting(input: MeetingInput, ownSlug: string | null, references: References, problems: Problems): void {
  references.want("coalition", input.coalition, "input.coalition");
  references.want("state", input.location?.country, "input.location.country");
  prepareParticipants(input.participants, "input.participants", references, problems);
  references.wantAll("topic", input.topics, "input.topics");
  input.precededBy?.forEach((slug, index) => {
    if (slug === ownSlug || slug === input.slug)
      problems.add(`input.precededBy[${index}]`, "a meeting cannot follow up on itself");
    else references.want("meeting", slug, `input.precededBy[${index}]`);
  });
  wantCitationSources(references, input.sources, "input.sources");
  checkCitations(input.sources, "input.sources", problems);
}

function meetingColumns(input: MeetingInput, references: References): ColumnValues {
  const location = input.location === undefined ? undefined : (input.location ?? { city: null, country: null });
  return {
    slug: input.slug,
    title: toLocalizedText(input.title),
    date: input.date,
    date_precision: input.datePrecision,
    status: input.status,
    format: input.format,
    level: input.level,
    location_city: location === undefined ? undefined : (location.city ?? null),
    location_country_id: location === undefined ? undefined : references.id("state", location.country),
    coalition_id: input.coalition === undefined ? undefined : references.id("coalition", input.coalition),
    summary: toLocalizedText(input.summary),
  };
}

async function replaceLinks(
  manager: EntityManager,
  table: string,
  column: string,
  meetingId: number,
  otherColumn: string,
  ids: number[],
) {
  await manager.query(`DELETE FROM "${table}" WHERE "${column}" = $1`, [meetingId]);
  await insertLinks(manager, table, column, meetingId, otherColumn, ids);
}

export async function createMeeting(context: WriteContext, input: CreateMeetingInput): Promise<Meeting> {
  const { manager } = context;
  const problems = await inputProblems(input);
  const references = new References(manager);
  prepareMeeting(input, null, references, problems);
  await references.load(problems);
  await checkKeyFree(manager, "Meeting", input.slug, "input.slug", problems);
  problems.throwIfAny();
  const id = await insertRow(manager, "meeting", {
    ...meetingColumns(input, references),
    date_precision: input.datePrecision ?? DatePrecision.DAY,
  });
  for (const participant of input.participants ?? []) await insertParticipant(manager, references, id, participant);
  await insertLinks(
    manager,
    "meeting_topic",
    "meeting_id",
    id,
    "topic_id",
    (input.topics ?? []).map((slug) => references.id("topic", slug)),
  );
  await insertLinks(
    manager,
    "meeting_sequence",
    "meeting_id",
    id,
    "preceded_by_id",
    (input.precededBy ?? []).map((slug) => references.id("meeting", slug)),
  );
  await insertCitations(manager, references, "meeting_id", id, input.sources);
  await recordCreation(context, "Meeting", id);
  return manager.findOneByOrFail(Meeting, { id });
}

export async function updateMeeting(
  context: WriteContext,
  slug: string,
  input: UpdateMeetingInput,
  expectedVersion: number,
): Promise<Meeting> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Meeting", slug, expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      prepareMeeting(input, slug, references, problems);
      await references.load(problems);
      await checkKeyFree(manager, "Meeting", input.slug, "input.slug", problems, record.id);
    },
    apply: async (record) => {
      await updateRow(manager, "meeting", record.id, meetingColumns(input, references));
      if (input.participants !== undefined) await replaceParticipants(manager, references, record.id, input.participants ?? []);
      if (input.topics !== undefined) {
        const topicIds = (input.topics ?? []).map((topic) => references.id("topic", topic));
        await replaceLinks(manager, "meeting_topic", "meeting_id", record.id, "topic_id", topicIds);
      }
      if (input.precededBy !== undefined) {
        const meetingIds = (input.precededBy ?? []).map((meeting) => references.id("meeting", meeting));
        await replaceLinks(manager, "meeting_sequence", "meeting_id", record.id, "preceded_by_id", meetingIds);
      }
      if (input.sources !== undefined) await replaceCitations(manager, references, "meeting_id", record.id, input.sources ?? []);
    },
  });
  return manager.findOneByOrFail(Meeting, { id });
}
