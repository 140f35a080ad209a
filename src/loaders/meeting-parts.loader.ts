import type { DataSource } from "typeorm";
import { Citation } from "../entities/citation.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Participant } from "../entities/participant.entity";
import { Source } from "../entities/source.entity";
import { State } from "../entities/state.entity";
import { Topic } from "../entities/topic.entity";
import { hydrateRows, type RawRow } from "../queries/hydrate";
import type { CitationLoaders } from "./citation.loader";
import { LoaderFamily } from "./loader-family";
import type { RecordLoaders } from "./record.loader";

/**
 * The parts of a meeting a page can fetch ahead, each with the SQL (over the meeting id `m.id`) of a JSON
 * array of its rows, in the order its own loader returns them. Keys are the GraphQL field names (a whitelist:
 * only these SQL fragments, written here, ever reach the statement).
 */
const PART_SQL = {
  participants: `(SELECT coalesce(json_agg(json_build_object('row', row_to_json(p.*),
      'official', (SELECT row_to_json(o.*) FROM official o WHERE o.id = p.official_id),
      'state', (SELECT row_to_json(s.*) FROM state s WHERE s.id = p.representing_state_id))
      ORDER BY CASE p.role WHEN 'HOST' THEN 0 WHEN 'CHAIR' THEN 1 ELSE 2 END, p.id), '[]')
    FROM participant p WHERE p.meeting_id = m.id)`,
  topics: `(SELECT coalesce(json_agg(row_to_json(t.*) ORDER BY t.slug), '[]')
    FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id)`,
  outcomes: `(SELECT coalesce(json_agg(row_to_json(o.*) ORDER BY o.slug), '[]') FROM outcome o WHERE o.meeting_id = m.id)`,
  sources: `(SELECT coalesce(json_agg(json_build_object('row', row_to_json(c.*),
      'source', (SELECT row_to_json(s.*) FROM source s WHERE s.id = c.source_id)) ORDER BY c.id), '[]')
    FROM citation c WHERE c.meeting_id = m.id)`,
} as const;

export type MeetingPart = keyof typeof PART_SQL;
const PARTS = Object.keys(PART_SQL) as MeetingPart[];

/** The loaders a fetch ahead fills; the field resolvers read from them as usual. */
export interface MeetingPartTargets {
  records: RecordLoaders;
  citations: CitationLoaders;
  participantsByMeeting: { prime(key: number, value: Participant[]): unknown };
  topicsByMeeting: { prime(key: number, value: Topic[]): unknown };
  outcomesByMeeting: { prime(key: number, value: Outcome[]): unknown };
}

interface Joined {
  row: RawRow;
  official?: RawRow | null;
  state?: RawRow | null;
  source?: RawRow | null;
}

/**
 * Look-ahead for meeting pages: when a page's nodes select participants, topics, outcomes or sources, ONE
 * statement fetches them for every meeting of the level (all parents' pages batched) as JSON arrays, and
 * primes the per-meeting loaders (and the record loaders with the officials, states and sources), so
 * resolving those fields runs no statement of its own. One statement per level instead of one per part.
 */
export class MeetingPartsLoaders {
  private readonly family: LoaderFamily<MeetingPart[], number, true>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: MeetingPartTargets,
  ) {
    this.family = new LoaderFamily(
      (parts, meetingIds) => this.fetch(parts, meetingIds),
      (parts) => parts.join(","),
    );
  }

  /** The parts among `fieldNames` this loader can fetch ahead, in a fixed order. */
  static partsOf(fieldNames: ReadonlySet<string>): MeetingPart[] {
    return PARTS.filter((part) => fieldNames.has(part));
  }

  /** Fetches `parts` of the meetings ahead (no statement when there are no parts or no meetings). */
  async prefetch(parts: MeetingPart[], meetingIds: readonly number[]): Promise<void> {
    if (parts.length === 0 || meetingIds.length === 0) return;
    const results = await this.family.loadMany(parts, meetingIds);
    const failure = results.find((result): result is Error => result instanceof Error);
    if (failure) throw failure;
  }

  private async fetch(parts: MeetingPart[], meetingIds: readonly number[]): Promise<true[]> {
    const columns = parts.map((part) => `${PART_SQL[part]} AS ${part}`).join(",\n  ");
    const rows: RawRow[] = await this.dataSource.query(`SELECT m.id, ${columns} FROM unnest($1::int[]) AS m(id)`, [meetingIds]);
    for (const row of rows) {
      const meetingId = row.id as number;
      for (const part of parts) this.prime(part, meetingId, row[part] as Joined[] & RawRow[]);
    }
    return meetingIds.map(() => true);
  }

  private prime(part: MeetingPart, meetingId: number, list: Joined[] & RawRow[]): void {
    const { dataSource, targets } = this;
    switch (part) {
      case "participants":
        this.primeRecords(
          Official,
          list.map((item) => item.official),
        );
        this.primeRecords(
          State,
          list.map((item) => item.state),
        );
        targets.participantsByMeeting.prime(
          meetingId,
          hydrateRows(
            dataSource,
            Participant,
            list.map((item) => item.row),
          ),
        );
        return;
      case "topics":
        targets.topicsByMeeting.prime(meetingId, hydrateRows(dataSource, Topic, list));
        return;
      case "outcomes":
        targets.outcomesByMeeting.prime(meetingId, hydrateRows(dataSource, Outcome, list));
        return;
      case "sources":
        this.primeRecords(
          Source,
          list.map((item) => item.source),
        );
        targets.citations.meeting.prime(
          meetingId,
          hydrateRows(
            dataSource,
            Citation,
            list.map((item) => item.row),
          ),
        );
        return;
    }
  }

  private primeRecords(target: typeof Official | typeof State | typeof Source, raw: (RawRow | null | undefined)[]): void {
    const loader = this.targets.records.byId(target);
    const present = raw.filter((value): value is RawRow => value !== null && value !== undefined);
    for (const record of hydrateRows(this.dataSource, target, present)) loader.prime(record.id as number, record);
  }
}
