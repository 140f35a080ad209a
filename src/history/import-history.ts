import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import type { RecordBundle } from "../import/bundle-types";
import { type ChangeActor, recordChange } from "./record-change";
import { RECORD_TABLES, type RecordTypeName } from "./record-type";
import { snapshotRecord } from "./snapshots";

/** A record a bundle names, found by its human key (a statement by its official and text). */
interface NamedRecord {
  recordType: RecordTypeName;
  find: { sql: string; params: unknown[] };
}

function byKey(recordType: RecordTypeName, key: string): NamedRecord {
  const { table, keyColumn } = RECORD_TABLES[recordType];
  return { recordType, find: { sql: `SELECT id FROM "${table}" WHERE "${keyColumn}" = $1`, params: [key] } };
}

function namedRecords(bundle: RecordBundle): NamedRecord[] {
  return [
    ...bundle.sources.map((record) => byKey("Source", record.slug)),
    ...bundle.states.map((record) => byKey("State", record.code)),
    ...bundle.topics.map((record) => byKey("Topic", record.slug)),
    ...bundle.coalitions.map((record) => byKey("Coalition", record.slug)),
    ...bundle.officials.map((record) => byKey("Official", record.slug)),
    ...bundle.meetings.map((record) => byKey("Meeting", record.slug)),
    ...bundle.meetings.flatMap((meeting) => (meeting.outcomes ?? []).map((outcome) => byKey("Outcome", outcome.slug))),
    ...bundle.statements.map((statement) => ({
      recordType: "Statement" as const,
      find: {
        sql: `SELECT s.id FROM statement s JOIN official o ON o.id = s.official_id WHERE o.slug = $1 AND md5(s.text) = md5($2)`,
        params: [statement.official, statement.text],
      },
    })),
  ];
}

async function findId(manager: EntityManager, record: NamedRecord): Promise<number | null> {
  const rows: { id: number }[] = await manager.query(record.find.sql, record.find.params);
  return rows[0]?.id ?? null;
}

/**
 * The change history of an import, without touching the upserts: every record the bundle names is
 * snapshotted before and after the writes, and each one whose snapshot changed gets a CREATE or an
 * UPDATE entry (a record the import left alone gets none, so re-importing a bundle adds no history).
 */
export class ImportHistory {
  private constructor(
    private readonly records: NamedRecord[],
    private readonly before: (Record<string, unknown> | null)[],
  ) {}

  static async before(manager: EntityManager, bundle: RecordBundle): Promise<ImportHistory> {
    const records = namedRecords(bundle);
    const before: (Record<string, unknown> | null)[] = [];
    for (const record of records) {
      const id = await findId(manager, record);
      before.push(id === null ? null : await snapshotRecord(manager, record.recordType, id));
    }
    return new ImportHistory(records, before);
  }

  async record(manager: EntityManager, actor: ChangeActor | string): Promise<void> {
    const seen = new Set<string>();
    for (const [index, record] of this.records.entries()) {
      const id = await findId(manager, record);
      if (id === null || seen.has(`${record.recordType}:${id}`)) continue;
      seen.add(`${record.recordType}:${id}`);
      const before = this.before[index];
      const after = await snapshotRecord(manager, record.recordType, id);
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      const action = before === null ? ChangeAction.CREATE : ChangeAction.UPDATE;
      await recordChange(manager, { actor, recordType: record.recordType, recordId: id, action, before, after });
    }
  }
}
