import { Citation } from "../../entities/citation.entity";
import { Coalition } from "../../entities/coalition.entity";
import { Meeting } from "../../entities/meeting.entity";
import { Official } from "../../entities/official.entity";
import { Outcome } from "../../entities/outcome.entity";
import { Participant } from "../../entities/participant.entity";
import { Position } from "../../entities/position.entity";
import { Source } from "../../entities/source.entity";
import { State } from "../../entities/state.entity";
import { Topic } from "../../entities/topic.entity";
import { column, type FieldProjection, localized, localizedList, timestamp, value } from "./field-projection";
import { storedScalars } from "./stored-scalars";

/**
 * The fields a meeting page can compute in its own statement, per GraphQL type; each type's stored scalars
 * (a `@Field` on a `@Column`) are derived from its entity (storedScalars), the rest listed here. Each list is in the order its
 * field resolver's loader returns it (see src/loaders), so a projected answer is the same as a resolved one;
 * `tests/projection.test.ts` compares the two. A selection with any field not listed here is resolved field by
 * field instead.
 */
export type ProjectedTypes = Record<string, Record<string, FieldProjection>>;

/** `id` is the internal id, as an entity holds it: the record resolver's `id` turns either into the global id. */
const record = (): Record<string, FieldProjection> => ({
  id: column("id"),
  version: column("version"),
  createdAt: timestamp("created_at"),
  updatedAt: timestamp("updated_at"),
});

const byId = (table: string, foreignKey: string) => (alias: string, child: string) => ({
  from: `FROM ${table} ${child} WHERE ${child}.id = ${alias}.${foreignKey}`,
  join: { table, on: `${child}.id = ${alias}.${foreignKey}` },
});

const citations = (parentColumn: string) => (alias: string, child: string) => ({
  from: `FROM citation ${child} WHERE ${child}.${parentColumn} = ${alias}.id`,
  orderBy: `${child}.id`,
});

const LISTED: ProjectedTypes = {
  Meeting: {
    ...record(),
    title: localized("title"),
    titles: localizedList("title"),
    summary: localized("summary"),
    summaries: localizedList("summary"),
    location: {
      kind: "object",
      type: "MeetingLocation",
      sql: (alias) => ({ nullWhen: `${alias}.location_city IS NULL AND ${alias}.location_country_id IS NULL` }),
    },
    coalition: { kind: "object", type: "Coalition", sql: byId("coalition", "coalition_id") },
    participants: {
      kind: "list",
      type: "Participant",
      sql: (alias, child) => ({
        from: `FROM participant ${child} WHERE ${child}.meeting_id = ${alias}.id`,
        orderBy: `CASE ${child}.role WHEN 'HOST' THEN 0 WHEN 'CHAIR' THEN 1 ELSE 2 END, ${child}.id`,
      }),
    },
    topics: {
      kind: "list",
      type: "Topic",
      sql: (alias, child) => ({
        from: `FROM meeting_topic ${child}_link JOIN topic ${child} ON ${child}.id = ${child}_link.topic_id
          WHERE ${child}_link.meeting_id = ${alias}.id`,
        orderBy: `${child}.slug`,
      }),
    },
    outcomes: {
      kind: "list",
      type: "Outcome",
      sql: (alias, child) => ({
        from: `FROM outcome ${child} WHERE ${child}.meeting_id = ${alias}.id`,
        orderBy: `${child}.slug`,
      }),
    },
    sources: { kind: "list", type: "Citation", sql: citations("meeting_id") },
  },
  /** Computed from the meeting's own row (the alias is the meeting's). */
  MeetingLocation: {
    city: column("location_city"),
    country: { kind: "object", type: "State", sql: byId("state", "location_country_id") },
  },
  Participant: {
    ...record(),
    official: { kind: "object", type: "Official", sql: byId("official", "official_id") },
    representing: { kind: "object", type: "State", sql: byId("state", "representing_state_id") },
  },
  Official: {
    ...record(),
    name: localized("name"),
    names: localizedList("name"),
    positions: {
      kind: "list",
      type: "Position",
      sql: (alias, child) => ({
        from: `FROM position ${child} WHERE ${child}.official_id = ${alias}.id`,
        orderBy: `${child}.since ASC NULLS FIRST, ${child}.id`,
      }),
    },
  },
  Position: {
    ...record(),
    title: localized("title"),
    titles: localizedList("title"),
    organization: localized("organization"),
    organizations: localizedList("organization"),
    official: { kind: "object", type: "Official", sql: byId("official", "official_id") },
    state: { kind: "object", type: "State", sql: byId("state", "state_id") },
  },
  State: {
    ...record(),
    name: localized("name"),
    names: localizedList("name"),
  },
  Coalition: {
    ...record(),
    name: localized("name"),
    names: localizedList("name"),
    description: localized("description"),
  },
  Topic: {
    ...record(),
    name: localized("name"),
    names: localizedList("name"),
    description: localized("description"),
    parent: { kind: "object", type: "Topic", sql: byId("topic", "parent_id") },
  },
  Outcome: {
    ...record(),
    summary: localized("summary"),
    summaries: localizedList("summary"),
    followUpMeeting: { kind: "object", type: "Meeting", sql: byId("meeting", "follow_up_meeting_id") },
    topics: {
      kind: "list",
      type: "Topic",
      sql: (alias, child) => ({
        from: `FROM outcome_topic ${child}_link JOIN topic ${child} ON ${child}.id = ${child}_link.topic_id
          WHERE ${child}_link.outcome_id = ${alias}.id`,
        orderBy: `${child}.slug`,
      }),
    },
    parties: {
      kind: "list",
      type: "State",
      sql: (alias, child) => ({
        from: `FROM outcome_party ${child}_link JOIN state ${child} ON ${child}.id = ${child}_link.state_id
          WHERE ${child}_link.outcome_id = ${alias}.id`,
        orderBy: `${child}.code`,
      }),
    },
    sources: { kind: "list", type: "Citation", sql: citations("outcome_id") },
  },
  Citation: {
    ...record(),
    source: { kind: "object", type: "Source", sql: byId("source", "source_id") },
  },
  Source: {
    ...record(),
    title: localized("title"),
    titles: localizedList("title"),
  },
  LocalizedString: {
    lang: value((alias) => `${alias}.key`),
    text: value((alias) => `${alias}.value`),
  },
};

/** The entity of each type whose stored scalars are projected (read when first used: entities import this module's users). */
const ENTITIES: Record<string, () => Parameters<typeof storedScalars>[0]> = {
  Meeting: () => Meeting,
  Participant: () => Participant,
  Official: () => Official,
  Position: () => Position,
  State: () => State,
  Coalition: () => Coalition,
  Topic: () => Topic,
  Outcome: () => Outcome,
  Citation: () => Citation,
  Source: () => Source,
};

function withStoredScalars(listed: ProjectedTypes): ProjectedTypes {
  const types: ProjectedTypes = {};
  for (const [typeName, fields] of Object.entries(listed)) {
    let all: Record<string, FieldProjection> | undefined;
    const entity = ENTITIES[typeName];
    Object.defineProperty(types, typeName, {
      enumerable: true,
      get: () => {
        all ??= { ...(entity ? storedScalars(entity()) : {}), ...fields };
        return all;
      },
    });
  }
  return types;
}

export const PROJECTED_TYPES: ProjectedTypes = withStoredScalars(LISTED);
