import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/** A raw row from `SELECT alias.*, ...`: column names as PostgreSQL returns them. */
export type RawRow = Record<string, unknown>;

/**
 * Turns raw rows of hand-written SQL into entity instances, converting each column the way TypeORM
 * does when it loads an entity (dates stay `YYYY-MM-DD` strings, timestamps become Dates). Instances
 * (not plain objects) so the Node interface can tell the types apart with `instanceof`.
 */
export function hydrateRows<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, rows: RawRow[]): T[] {
  const metadata = dataSource.getMetadata(target);
  const relationNames = new Set(metadata.relations.map((relation) => relation.propertyName));
  const columns = metadata.columns.filter((column) => !column.isVirtual && !relationNames.has(column.propertyName));
  return rows.map((row) => {
    const instance = metadata.create() as T;
    const record = instance as Record<string, unknown>;
    for (const column of columns) {
      if (!(column.databaseName in row)) continue;
      record[column.propertyName] = dataSource.driver.prepareHydratedValue(row[column.databaseName], column);
    }
    return instance;
  });
}

/** The quoted table name of an entity, for hand-written SQL. */
export function tableOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): string {
  return `"${dataSource.getMetadata(target).tableName}"`;
}
