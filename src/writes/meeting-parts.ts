import { Meeting } from "../entities/meeting.entity";
import type { ParticipantInput } from "../schema/participant.input";
import { insertParticipant } from "./participants";
import { changeRecord, inputProblems } from "./record-write";
import { References } from "./references";
import { insertLinks } from "./rows";
import { bumpVersion } from "./versioned-record";
import type { WriteContext } from "./write-context";

/** `addParticipant`: one more official in a meeting, without rewriting the meeting. */
export async function addParticipant(
  context: WriteContext,
  meeting: string,
  input: ParticipantInput,
  expectedVersion?: number | null,
): Promise<Meeting> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      references.want("official", input.official, "input.official");
      references.want("state", input.representing, "input.representing");
      await references.load(problems);
      if (!problems.isEmpty) return;
      const rows: unknown[] = await manager.query(`SELECT 1 FROM participant WHERE meeting_id = $1 AND official_id = $2`, [
        record.id,
        references.id("official", input.official),
      ]);
      if (rows.length > 0) problems.add("input.official", `"${input.official}" already takes part in this meeting`);
    },
    apply: async (record) => {
      await insertParticipant(manager, references, record.id, input);
      await bumpVersion(manager, "Meeting", record.id);
    },
  });
  return manager.findOneByOrFail(Meeting, { id });
}

/** `removeParticipant`: takes an official out of a meeting. */
export async function removeParticipant(
  context: WriteContext,
  meeting: string,
  official: string,
  expectedVersion?: number | null,
): Promise<Meeting> {
  const { manager } = context;
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, problems) => {
      const rows: unknown[] = await manager.query(
        `SELECT 1 FROM participant p JOIN official o ON o.id = p.official_id WHERE p.meeting_id = $1 AND o.slug = $2`,
        [record.id, official],
      );
      if (rows.length === 0) problems.add("official", `"${official}" does not take part in this meeting`);
    },
    apply: async (record) => {
      await manager.query(
        `DELETE FROM participant p USING official o WHERE o.id = p.official_id AND p.meeting_id = $1 AND o.slug = $2`,
        [record.id, official],
      );
      await bumpVersion(manager, "Meeting", record.id);
    },
  });
  return manager.findOneByOrFail(Meeting, { id });
}

/** `addMeetingTopic`: tags a meeting with one more topic. */
export async function addMeetingTopic(
  context: WriteContext,
  meeting: string,
  topic: string,
  expectedVersion?: number | null,
): Promise<Meeting> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, problems) => {
      references.want("topic", topic, "topic");
      await references.load(problems);
      if (!problems.isEmpty) return;
      const rows: unknown[] = await manager.query(`SELECT 1 FROM meeting_topic WHERE meeting_id = $1 AND topic_id = $2`, [
        record.id,
        references.id("topic", topic),
      ]);
      if (rows.length > 0) problems.add("topic", `the meeting is already tagged with "${topic}"`);
    },
    apply: async (record) => {
      await insertLinks(manager, "meeting_topic", "meeting_id", record.id, "topic_id", [references.id("topic", topic)]);
      await bumpVersion(manager, "Meeting", record.id);
    },
  });
  return manager.findOneByOrFail(Meeting, { id });
}

/** `removeMeetingTopic`: removes one topic from a meeting. */
export async function removeMeetingTopic(
  context: WriteContext,
  meeting: string,
  topic: string,
  expectedVersion?: number | null,
): Promise<Meeting> {
  const { manager } = context;
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, problems) => {
      const rows: unknown[] = await manager.query(
        `SELECT 1 FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = $1 AND t.slug = $2`,
        [record.id, topic],
      );
      if (rows.length === 0) problems.add("topic", `the meeting is not tagged with "${topic}"`);
    },
    apply: async (record) => {
      await manager.query(
        `DELETE FROM meeting_topic mt USING topic t WHERE t.id = mt.topic_id AND mt.meeting_id = $1 AND t.slug = $2`,
        [record.id, topic],
      );
      await bumpVersion(manager, "Meeting", record.id);
    },
  });
  return manager.findOneByOrFail(Meeting, { id });
}
