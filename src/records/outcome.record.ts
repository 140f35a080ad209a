import { OutcomeKind, OutcomeStatus } from "../entities/enums";
import { Outcome } from "../entities/outcome.entity";
import { CITATION, citationsOf } from "./citation.part";
import { enumOf, key, localized, parts, reference, references } from "./fields";
import type { RecordDescription } from "./record-description";
import { type JsonList, snapshotStatement } from "./snapshot-sql";

/** Outcomes (alias `oc`, the follow-up meeting `fm`) as a bundle nests them in their meeting. */
export const OUTCOME_ROWS: JsonList = {
  table: "outcome oc",
  joins: "LEFT JOIN meeting fm ON fm.id = oc.follow_up_meeting_id",
  id: "oc.id",
  owner: "oc.meeting_id",
  order: "oc.slug",
  object: (list) => `json_build_object('slug', oc.slug, 'kind', oc.kind, 'status', oc.status, 'summary', oc.summary,
      'topics', ${list({ table: "outcome_topic ot", joins: "JOIN topic t ON t.id = ot.topic_id", owner: "ot.outcome_id", order: "t.slug", object: () => "t.slug" })},
      'parties', ${list({ table: "outcome_party op", joins: "JOIN state st ON st.id = op.state_id", owner: "op.outcome_id", order: "st.code", object: () => "st.code" })},
      'followUpMeeting', fm.slug, 'sources', ${list(citationsOf("outcome_id"))})`,
};

/**
 * An outcome belongs to its meeting: a bundle nests it in the meeting's `outcomes` (without `meeting`) or
 * lists it in `outcomes` with its `meeting`; a change to it is a change of its meeting too.
 */
export const OUTCOME = {
  type: "Outcome",
  entity: Outcome,
  name: "outcome" as const,
  section: "outcomes",
  table: "outcome",
  key: ["slug"] as const,
  keyColumn: "slug",
  fields: {
    slug: key("slug"),
    meeting: reference("meeting", { required: true }),
    kind: enumOf(OutcomeKind, { required: true }),
    status: enumOf(OutcomeStatus, { required: true }),
    summary: localized({ required: true }),
    topics: references("topic", { table: "outcome_topic", owner: "outcome_id", target: "topic_id", relation: "topic" }),
    parties: references("state", { table: "outcome_party", owner: "outcome_id", target: "state_id", relation: "party" }),
    followUpMeeting: reference("meeting"),
    sources: parts(CITATION, { bare: "source" }),
  },
  snapshot: snapshotStatement({
    table: "outcome oc",
    joins: "JOIN meeting m ON m.id = oc.meeting_id LEFT JOIN meeting fm ON fm.id = oc.follow_up_meeting_id",
    id: "oc.id",
    object: (list) => `jsonb_build_object('meeting', m.slug) || (${OUTCOME_ROWS.object(list)})::jsonb`,
  }),
  dependants: [],
  container: { type: "Meeting", column: "meeting_id" },
} satisfies RecordDescription;
