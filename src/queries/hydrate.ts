import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/** A raw row from `SELECT alias.*, ...`: column names as PostgreSQL returns them. */
export type RawRow = Record<string, unknown>;

/** How to copy one column of a raw row onto an entity. */
interface ColumnCopy {
  property: string;
  column: string;
  /** Set for dates and timestamps, which TypeORM converts (dates stay `YYYY-MM-DD` strings, timestamps become Dates). */
  convert: ColumnMetadata | null;
}

interface HydrationPlan {
  prototype: object;
  columns: ColumnCopy[];
}

const CONVERTED_TYPES = new Set<unknown>(["date", "timestamptz", "timestamp", "timestamp with time zone", Date]);
/** Plans by entity class (one DataSource per process holds the same entities). */
const plans = new WeakMap<object, HydrationPlan>();

function planFor(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): HydrationPlan {
  let plan = typeof target === "object" || typeof target === "function" ? plans.get(target) : undefined;
  if (!plan) {
    const metadata = dataSource.getMetadata(target);
    const relationNames = new Set(metadata.relations.map((relation) => relation.propertyName));
    const columns = metadata.columns
      .filter((column) => !column.isVirtual && !relationNames.has(column.propertyName))
      .map((column) => ({
        property: column.propertyName,
        column: column.databaseName,
        convert: CONVERTED_TYPES.has(column.type) ? column : null,
      }));
    plan = { prototype: (metadata.target as { prototype: object }).prototype, columns };
    if (typeof target === "object" || typeof target === "function") plans.set(target, plan);
  }
  return plan;
}

/**
 * Turns raw rows of hand-written SQL into entity instances, converting dates and timestamps the way TypeORM
 * does when it loads an entity. Instances (not plain objects) so the Node interface can tell the types apart
 * with `instanceof`; made from the prototype with a per-entity column plan, since this runs for every row read.
 */
export function hydrateRows<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, rows: RawRow[]): T[] {
  const { prototype, columns } = planFor(dataSource, target);
  return rows.map((row) => {
    const record = Object.create(prototype) as Record<string, unknown>;
    for (const { property, column, convert } of columns) {
      if (!(column in row)) continue;
      const value = row[column];
      record[property] = convert && value !== null ? dataSource.driver.prepareHydratedValue(value, convert) : value;
    }
    return record as T;
  });
}

/** The quoted table name of an entity, for hand-written SQL. */
export function tableOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): string {
  return `"${dataSource.getMetadata(target).tableName}"`;
}
