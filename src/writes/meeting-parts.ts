import { Participant } from "../entities/participant.entity";
import { participantValues } from "../import/upsert-meeting";
import { PARTICIPANT } from "../records/meeting.record";
import type { ParticipantInput } from "../schema/participant.input";
import { readPartInput } from "./part-input";
import { changeRecord, loadRecord } from "./record-write";
import type { WriteContext } from "./write-context";

/** `addParticipant`: one more official in a meeting, without rewriting the meeting. */
export async function addParticipant(
  context: WriteContext,
  meeting: string,
  input: ParticipantInput,
  expectedVersion?: number | null,
) {
  const { manager } = context;
  let values: ReturnType<typeof participantValues> | null = null;
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, reader) => {
      const read = await readPartInput(manager, reader, PARTICIPANT, input);
      if (!read) return;
      values = participantValues(read.part, read.keys);
      const rows: unknown[] = await manager.query(`SELECT 1 FROM participant WHERE meeting_id = $1 AND official_id = $2`, [
        record.id,
        values.officialId,
      ]);
      if (rows.length > 0) reader.problem("input.official", `"${input.official}" already takes part in this meeting`);
    },
    apply: (record) => manager.insert(Participant, { ...values, meetingId: record.id }),
  });
  return loadRecord(manager, "Meeting", id);
}

/** `removeParticipant`: takes an official out of a meeting. */
export async function removeParticipant(
  context: WriteContext,
  meeting: string,
  official: string,
  expectedVersion?: number | null,
) {
  const { manager } = context;
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, reader) => {
      const rows: unknown[] = await manager.query(
        `SELECT 1 FROM participant p JOIN official o ON o.id = p.official_id WHERE p.meeting_id = $1 AND o.slug = $2`,
        [record.id, official],
      );
      if (rows.length === 0) reader.problem("official", `"${official}" does not take part in this meeting`);
    },
    apply: (record) =>
      manager.query(
        `DELETE FROM participant p USING official o WHERE o.id = p.official_id AND p.meeting_id = $1 AND o.slug = $2`,
        [record.id, official],
      ),
  });
  return loadRecord(manager, "Meeting", id);
}

/** `addMeetingTopic`: tags a meeting with one more topic. */
export async function addMeetingTopic(context: WriteContext, meeting: string, topic: string, expectedVersion?: number | null) {
  const { manager } = context;
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, reader) => {
      const rows: { tagged: boolean }[] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM meeting_topic WHERE meeting_id = $1 AND topic_id = t.id) AS tagged FROM topic t WHERE t.slug = $2`,
        [record.id, topic],
      );
      if (rows.length === 0) reader.problem("topic", `unknown topic "${topic}"`);
      else if (rows[0].tagged) reader.problem("topic", `the meeting is already tagged with "${topic}"`);
    },
    apply: (record) =>
      manager.query(`INSERT INTO meeting_topic (meeting_id, topic_id) SELECT $1, id FROM topic WHERE slug = $2`, [
        record.id,
        topic,
      ]),
  });
  return loadRecord(manager, "Meeting", id);
}

/** `removeMeetingTopic`: removes one topic from a meeting. */
export async function removeMeetingTopic(context: WriteContext, meeting: string, topic: string, expectedVersion?: number | null) {
  const { manager } = context;
  const { id } = await changeRecord(context, "Meeting", meeting, expectedVersion, {
    check: async (record, reader) => {
      const rows: unknown[] = await manager.query(
        `SELECT 1 FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = $1 AND t.slug = $2`,
        [record.id, topic],
      );
      if (rows.length === 0) reader.problem("topic", `the meeting is not tagged with "${topic}"`);
    },
    apply: (record) =>
      manager.query(
        `DELETE FROM meeting_topic mt USING topic t WHERE t.id = mt.topic_id AND mt.meeting_id = $1 AND t.slug = $2`,
        [record.id, topic],
      ),
  });
  return loadRecord(manager, "Meeting", id);
}
