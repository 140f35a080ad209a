import type { RecordTypeName } from "../entities/record-tables";

/**
 * Who depends on a record, per record type: the records that would lose something if it went.
 * Each rule finds the dependants (`find`, `$1` = the record's id, answering `id, key`) and says what
 * `cascade: true` does to them: `delete` deletes the dependant record (with its own cascade), `update`
 * runs `detach` (removing the sub-rows or clearing the reference that points at the record) and
 * records an UPDATE of the dependant. Required references are deleted, optional ones cleared.
 */
export interface DependantRule {
  recordType: RecordTypeName;
  /** How the dependant relates, for the CONFLICT message: "membership", "location", "participant"... */
  relation: string;
  find: string;
  cascade: "delete" | "update";
  detach?: string;
}

const citingRule = (recordType: RecordTypeName, relation: string, find: string, column: string): DependantRule => ({
  recordType,
  relation,
  find,
  cascade: "update",
  detach: `DELETE FROM citation WHERE source_id = $1 AND ${column} IS NOT NULL`,
});

export const DEPENDANT_RULES: Record<RecordTypeName, DependantRule[]> = {
  State: [
    {
      recordType: "Coalition",
      relation: "member state",
      find: `SELECT DISTINCT c.id, c.slug AS key FROM membership m JOIN coalition c ON c.id = m.coalition_id WHERE m.state_id = $1`,
      cascade: "update",
      detach: `DELETE FROM membership WHERE state_id = $1`,
    },
    {
      recordType: "Official",
      relation: "position's state",
      find: `SELECT DISTINCT o.id, o.slug AS key FROM position p JOIN official o ON o.id = p.official_id WHERE p.state_id = $1`,
      cascade: "update",
      detach: `UPDATE position SET state_id = NULL WHERE state_id = $1`,
    },
    {
      recordType: "Meeting",
      relation: "location country",
      find: `SELECT id, slug AS key FROM meeting WHERE location_country_id = $1`,
      cascade: "update",
      detach: `UPDATE meeting SET location_country_id = NULL WHERE location_country_id = $1`,
    },
    {
      recordType: "Meeting",
      relation: "participant's state",
      find: `SELECT DISTINCT m.id, m.slug AS key FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.representing_state_id = $1`,
      cascade: "update",
      detach: `UPDATE participant SET representing_state_id = NULL WHERE representing_state_id = $1`,
    },
    {
      recordType: "Outcome",
      relation: "party",
      find: `SELECT o.id, o.slug AS key FROM outcome_party op JOIN outcome o ON o.id = op.outcome_id WHERE op.state_id = $1`,
      cascade: "update",
      detach: `DELETE FROM outcome_party WHERE state_id = $1`,
    },
  ],
  Source: [
    citingRule(
      "Coalition",
      "membership citation",
      `SELECT DISTINCT c.id, c.slug AS key FROM citation ci JOIN membership m ON m.id = ci.membership_id
       JOIN coalition c ON c.id = m.coalition_id WHERE ci.source_id = $1`,
      "membership_id",
    ),
    citingRule(
      "Official",
      "position citation",
      `SELECT DISTINCT o.id, o.slug AS key FROM citation ci JOIN position p ON p.id = ci.position_id
       JOIN official o ON o.id = p.official_id WHERE ci.source_id = $1`,
      "position_id",
    ),
    citingRule(
      "Meeting",
      "citation",
      `SELECT DISTINCT m.id, m.slug AS key FROM citation ci JOIN meeting m ON m.id = ci.meeting_id WHERE ci.source_id = $1`,
      "meeting_id",
    ),
    citingRule(
      "Outcome",
      "citation",
      `SELECT DISTINCT o.id, o.slug AS key FROM citation ci JOIN outcome o ON o.id = ci.outcome_id WHERE ci.source_id = $1`,
      "outcome_id",
    ),
    citingRule(
      "Statement",
      "citation",
      `SELECT DISTINCT ci.statement_id AS id, NULL AS key FROM citation ci WHERE ci.source_id = $1 AND ci.statement_id IS NOT NULL`,
      "statement_id",
    ),
    {
      recordType: "Statement",
      relation: "reporting source",
      find: `SELECT id, NULL AS key FROM statement WHERE source_id = $1`,
      cascade: "update",
      detach: `UPDATE statement SET source_id = NULL WHERE source_id = $1`,
    },
  ],
  Topic: [
    {
      recordType: "Topic",
      relation: "parent topic",
      find: `SELECT id, slug AS key FROM topic WHERE parent_id = $1`,
      cascade: "update",
      detach: `UPDATE topic SET parent_id = NULL WHERE parent_id = $1`,
    },
    {
      recordType: "Meeting",
      relation: "topic",
      find: `SELECT m.id, m.slug AS key FROM meeting_topic mt JOIN meeting m ON m.id = mt.meeting_id WHERE mt.topic_id = $1`,
      cascade: "update",
      detach: `DELETE FROM meeting_topic WHERE topic_id = $1`,
    },
    {
      recordType: "Outcome",
      relation: "topic",
      find: `SELECT o.id, o.slug AS key FROM outcome_topic ot JOIN outcome o ON o.id = ot.outcome_id WHERE ot.topic_id = $1`,
      cascade: "update",
      detach: `DELETE FROM outcome_topic WHERE topic_id = $1`,
    },
  ],
  Coalition: [
    {
      recordType: "Meeting",
      relation: "coalition",
      find: `SELECT id, slug AS key FROM meeting WHERE coalition_id = $1`,
      cascade: "update",
      detach: `UPDATE meeting SET coalition_id = NULL WHERE coalition_id = $1`,
    },
  ],
  Official: [
    {
      recordType: "Statement",
      relation: "speaker",
      find: `SELECT id, NULL AS key FROM statement WHERE official_id = $1`,
      cascade: "delete",
    },
    {
      recordType: "Meeting",
      relation: "participant",
      find: `SELECT m.id, m.slug AS key FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.official_id = $1`,
      cascade: "update",
      detach: `DELETE FROM participant WHERE official_id = $1`,
    },
  ],
  Meeting: [
    {
      recordType: "Outcome",
      relation: "meeting",
      find: `SELECT id, slug AS key FROM outcome WHERE meeting_id = $1`,
      cascade: "delete",
    },
    {
      recordType: "Outcome",
      relation: "follow-up meeting",
      find: `SELECT id, slug AS key FROM outcome WHERE follow_up_meeting_id = $1 AND meeting_id <> $1`,
      cascade: "update",
      detach: `UPDATE outcome SET follow_up_meeting_id = NULL WHERE follow_up_meeting_id = $1`,
    },
    {
      recordType: "Statement",
      relation: "meeting",
      find: `SELECT id, NULL AS key FROM statement WHERE meeting_id = $1`,
      cascade: "update",
      detach: `UPDATE statement SET meeting_id = NULL WHERE meeting_id = $1`,
    },
    {
      recordType: "Meeting",
      relation: "preceding meeting",
      find: `SELECT m.id, m.slug AS key FROM meeting_sequence ms JOIN meeting m ON m.id = ms.meeting_id
             WHERE ms.preceded_by_id = $1 AND ms.meeting_id <> $1`,
      cascade: "update",
      detach: `DELETE FROM meeting_sequence WHERE preceded_by_id = $1 AND meeting_id <> $1`,
    },
  ],
  Outcome: [],
  Statement: [],
};
