import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import { RECORD_TABLES, RECORD_TYPE_NAMES, type RecordTypeName } from "../entities/record-tables";
import type { RecordBundle } from "../import/bundle-types";
import { type ChangeActor, recordChange } from "./record-change";
import { snapshotRecords } from "./snapshots";

/** A record a bundle names, by its human key (a statement by its official and text). */
interface NamedRecord {
  recordType: RecordTypeName;
  key: string;
}

/** A statement's official and text, joined by a character no slug holds. */
function statementKey(official: string, text: string): string {
  return `${official}\u0000${text}`;
}

function namedRecords(bundle: RecordBundle): NamedRecord[] {
  const named = (recordType: RecordTypeName, key: string): NamedRecord => ({ recordType, key });
  return [
    ...bundle.sources.map((record) => named("Source", record.slug)),
    ...bundle.states.map((record) => named("State", record.code)),
    ...bundle.topics.map((record) => named("Topic", record.slug)),
    ...bundle.coalitions.map((record) => named("Coalition", record.slug)),
    ...bundle.officials.map((record) => named("Official", record.slug)),
    ...bundle.meetings.map((record) => named("Meeting", record.slug)),
    ...bundle.meetings.flatMap((meeting) => (meeting.outcomes ?? []).map((outcome) => named("Outcome", outcome.slug))),
    ...bundle.statements.map((statement) => named("Statement", statementKey(statement.official, statement.text))),
  ];
}

/** A stored record found by key: its id and version. */
interface FoundRecord {
  id: number;
  version: number;
}

/** Finds the stored records of one type among `keys`, one statement; by key. */
async function findRecords(
  manager: EntityManager,
  recordType: RecordTypeName,
  keys: string[],
): Promise<Map<string, FoundRecord>> {
  const { table, keyColumn } = RECORD_TABLES[recordType];
  if (keyColumn === null) {
    const pairs = keys.map((key) => key.split("\u0000"));
    const rows: (FoundRecord & { official: string; text: string })[] = await manager.query(
      `SELECT s.id, s.version, o.slug AS official, s.text FROM statement s JOIN official o ON o.id = s.official_id
         JOIN unnest($1::text[], $2::text[]) AS wanted(official, text) ON o.slug = wanted.official AND md5(s.text) = md5(wanted.text)`,
      [pairs.map((pair) => pair[0]), pairs.map((pair) => pair.slice(1).join("\u0000"))],
    );
    return new Map(rows.map((row) => [statementKey(row.official, row.text), { id: row.id, version: row.version }]));
  }
  const rows: (FoundRecord & { key: string })[] = await manager.query(
    `SELECT id, version, "${keyColumn}" AS key FROM "${table}" WHERE "${keyColumn}" = ANY($1)`,
    [keys],
  );
  return new Map(rows.map((row) => [row.key, { id: row.id, version: row.version }]));
}

/** Every named record as stored now (or null): its id, version and snapshot. Two statements per record type named. */
async function readRecords(
  manager: EntityManager,
  records: NamedRecord[],
): Promise<(FoundRecord & { snapshot: Record<string, unknown> | null })[]> {
  const byType = new Map<RecordTypeName, { found: Map<string, FoundRecord>; snapshots: Map<number, Record<string, unknown>> }>();
  for (const recordType of RECORD_TYPE_NAMES) {
    const keys = [...new Set(records.filter((record) => record.recordType === recordType).map((record) => record.key))];
    if (keys.length === 0) continue;
    const found = await findRecords(manager, recordType, keys);
    const snapshots = await snapshotRecords(
      manager,
      recordType,
      [...found.values()].map((record) => record.id),
    );
    byType.set(recordType, { found, snapshots });
  }
  return records.map((record) => {
    const stored = byType.get(record.recordType);
    const found = stored?.found.get(record.key);
    if (!stored || !found) return { id: 0, version: 0, snapshot: null };
    return { ...found, snapshot: stored.snapshots.get(found.id) ?? null };
  });
}

/**
 * The change history of an import, without touching the upserts: every record the bundle names is
 * snapshotted before and after the writes, and each one whose snapshot changed gets a CREATE or an
 * UPDATE entry (a record the import left alone gets none, so re-importing a bundle adds no history).
 * Snapshots are full records whatever the bundle's entries leave out. Lookups and snapshots are read
 * per record type, not per record: a few statements whatever the bundle's size, plus one per entry written.
 */
export class ImportHistory {
  private constructor(
    private readonly records: NamedRecord[],
    private readonly before: (Record<string, unknown> | null)[],
  ) {}

  static async before(manager: EntityManager, bundle: RecordBundle): Promise<ImportHistory> {
    const records = namedRecords(bundle);
    const before = await readRecords(manager, records);
    return new ImportHistory(
      records,
      before.map((record) => record.snapshot),
    );
  }

  async record(manager: EntityManager, actor: ChangeActor | string): Promise<void> {
    const afterRecords = await readRecords(manager, this.records);
    const seen = new Set<string>();
    for (const [index, record] of this.records.entries()) {
      const { id, version, snapshot: after } = afterRecords[index];
      if (after === null || seen.has(`${record.recordType}:${id}`)) continue;
      seen.add(`${record.recordType}:${id}`);
      const before = this.before[index];
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      const action = before === null ? ChangeAction.CREATE : ChangeAction.UPDATE;
      await recordChange(manager, { actor, recordType: record.recordType, recordId: id, action, before, after, version });
    }
  }
}
