import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { ConnectionResult } from "../schema/connection";
import { type CursorPosition, encodeCursor } from "./cursor";
import type { KeysetOrder, PageRequest } from "./keyset-page";

/** One fetched row: the record, its sort position and the related records fetched with it (see RecordList.embeds). */
export interface PageRow<T> {
  node: T;
  position: CursorPosition;
  related: RelatedRecord[];
}

/** A related record that came in the same statement as a page row, for the record loaders to keep. */
export interface RelatedRecord {
  target: EntityTarget<ObjectLiteral>;
  record: ObjectLiteral;
}

/** An edge whose cursor is encoded when first read: most clients select `nodes` and no cursor. */
class PageEdge<T> {
  readonly node: T;
  #cursor: string | undefined;
  constructor(
    private readonly orderName: string,
    private readonly row: PageRow<T>,
  ) {
    this.node = row.node;
  }
  get cursor(): string {
    this.#cursor ??= encodeCursor(this.orderName, this.row.position);
    return this.#cursor;
  }
}

/**
 * Shapes fetched rows (`limit + 1` at most, in read order) into a Relay connection. The extra row only
 * says that more items follow; a backward page is put back into forward order. `countTotal` runs
 * only if the client selects `totalCount`.
 */
export function toConnection<T>(
  rows: PageRow<T>[],
  request: PageRequest,
  order: KeysetOrder,
  countTotal: () => Promise<number>,
): ConnectionResult<T> {
  const more = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (request.backward) page.reverse();
  const edges = page.map((row) => new PageEdge(order.name, row));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: request.backward ? request.before !== null : more,
      hasPreviousPage: request.backward ? more : request.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    get totalCount() {
      total ??= countTotal();
      return total;
    },
  };
}
