import type { DataSource } from "typeorm";

/**
 * Row count and an md5 of every row of every table: equal snapshots mean nothing was written.
 * `ignoring` names columns left out (e.g. `api_key.last_used_at`, which reading with a key updates).
 */
export async function snapshotTables(
  dataSource: DataSource,
  ignoring: Record<string, string[]> = {},
): Promise<Record<string, string>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const [row]: { rows: string; digest: string }[] = await dataSource.query(
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(r.text, '|' ORDER BY r.text), '')) AS digest
       FROM (SELECT (to_jsonb(t) - $1::text[])::text AS text FROM "${name}" t) r`,
      [ignoring[name] ?? []],
    );
    snapshot[name] = `${row.rows} rows, md5 ${row.digest}`;
  }
  return snapshot;
}
