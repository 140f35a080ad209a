import { OutcomeKind, OutcomeStatus } from "../entities/enums";
import { CITATION, citationsOf } from "./citation.part";
import { enumOf, key, localized, parts, reference, references } from "./fields";
import type { RecordDescription } from "./record-description";

/** An outcome (alias `oc`, its follow-up meeting `fm`) as a bundle nests it in its meeting. */
export const OUTCOME_OBJECT = `jsonb_build_object('slug', oc.slug, 'kind', oc.kind, 'status', oc.status, 'summary', oc.summary,
      'topics', coalesce((SELECT jsonb_agg(t.slug ORDER BY t.slug) FROM outcome_topic ot JOIN topic t ON t.id = ot.topic_id
        WHERE ot.outcome_id = oc.id), '[]'::jsonb),
      'parties', coalesce((SELECT jsonb_agg(st.code ORDER BY st.code) FROM outcome_party op JOIN state st ON st.id = op.state_id
        WHERE op.outcome_id = oc.id), '[]'::jsonb),
      'followUpMeeting', fm.slug, 'sources', ${citationsOf("outcome_id", "oc.id")})`;

/**
 * An outcome belongs to its meeting: a bundle nests it in the meeting's `outcomes` (without `meeting`) or
 * lists it in `outcomes` with its `meeting`; a change to it is a change of its meeting too.
 */
export const OUTCOME = {
  type: "Outcome",
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
    topics: references("topic"),
    parties: references("state"),
    followUpMeeting: reference("meeting"),
    sources: parts(CITATION, { bare: "source" }),
  },
  snapshot: `SELECT jsonb_build_object('meeting', m.slug) || ${OUTCOME_OBJECT} AS snapshot
    FROM outcome oc JOIN meeting m ON m.id = oc.meeting_id LEFT JOIN meeting fm ON fm.id = oc.follow_up_meeting_id WHERE oc.id = $1`,
  dependants: [],
  container: { type: "Meeting", column: "meeting_id" },
} satisfies RecordDescription;
