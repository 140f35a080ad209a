import type { DataSource } from "typeorm";

/** Every row of every table (but the migrations log), as JSON text sorted per table: equal snapshots mean nothing was written. */
export async function snapshotTables(dataSource: DataSource): Promise<Record<string, string[]>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
  );
  const snapshot: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows: { row: string }[] = await dataSource.query(`SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`);
    snapshot[name] = rows.map((entry) => entry.row);
  }
  return snapshot;
}
