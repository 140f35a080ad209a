import type { RequestContext } from "../context";
import type { PageRow } from "../queries/connection-result";

/** Puts the related records a page statement brought along into the request's record loaders. */
export function keepRelated<T>(context: RequestContext, rows: PageRow<T>[]): void {
  for (const row of rows) {
    for (const { target, record } of row.related) context.loaders.records.byId(target).prime(record.id as number, record);
  }
}
