import type { FieldNode } from "graphql";
import type { DataSource } from "typeorm";
import type { Meeting } from "../entities/meeting.entity";
import { keyedTable } from "../entities/record-tables";
import type { PageRow } from "../queries/connection-result";
import type { RawRow } from "../queries/hydrate";
import { pageRequest } from "../queries/keyset-page";
import { compileMeetingFilter } from "../queries/meeting-filter";
import { indexCount, MEETING_PARENTS, type MeetingParent, meetingList } from "../queries/meeting-list";
import type { Projection } from "../queries/projection/selection-projection";
import {
  countRowsByParent,
  fetchPagesByParent,
  fetchRecordWithPage,
  type NestedPageQuery,
  type ParentPage,
} from "../queries/record-page";
import { SqlParams } from "../queries/sql-params";
import type { MeetingListArgs } from "../schema/list-args";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import { LoaderFamily } from "./loader-family";

export interface PageKey {
  parent: MeetingParent;
  args: MeetingListArgs;
  /** The nodes' selection compiled to SQL, or null to read entities (see RecordList.projection). */
  projection: Projection | null;
  /** Whether `totalCount` is selected: the page statement then counts too and primes `counts`. */
  withTotal: boolean;
}

interface CountKey {
  parent: MeetingParent;
  filter: MeetingFilter | null | undefined;
}

/**
 * Nested meetings connections (`coalition { meetings }`, `state { meetings }`, `official { meetings }`),
 * batched over every parent of a level: one statement for the pages of all parents (LATERAL, one LIMIT
 * each), counting them too when `totalCount` is selected. A root lookup by key fetches its record and page in
 * one statement instead (`recordWithPage`).
 */
export class MeetingConnectionLoaders {
  readonly pages: LoaderFamily<PageKey, number, PageRow<Meeting>[]>;
  readonly counts: LoaderFamily<CountKey, number, number>;
  /** Pages fetched in one statement with their parent record (`recordWithPage`): by the field's first node, then parent id. */
  private readonly fetchedWithParent = new WeakMap<FieldNode, Map<number, ParentPage<Meeting> | Error>>();

  constructor(private readonly dataSource: DataSource) {
    this.pages = new LoaderFamily<PageKey, number, PageRow<Meeting>[]>(
      async (key, parentIds) => {
        const { query, params } = pageQuery(key);
        const idsParam = params.add(parentIds);
        const pages = await fetchPagesByParent(dataSource, query, parentIds, idsParam, params);
        return pages.map((page, index) => {
          if (page.total !== null)
            this.counts.prime({ parent: key.parent, filter: key.args.filter }, parentIds[index], page.total);
          return page.rows;
        });
      },
      ({ parent, args, projection, withTotal }) => JSON.stringify([parent, args, projection?.key ?? null, withTotal]),
    );
    this.counts = new LoaderFamily<CountKey, number, number>(async ({ parent, filter }, parentIds) => {
      const list = meetingList(null);
      const params = new SqlParams();
      const compiled = compileMeetingFilter(filter, list.alias, params);
      const count = indexCount(parent, filter, compiled, params);
      const idsParam = params.add(parentIds);
      const { belongsTo } = MEETING_PARENTS[parent];
      return countRowsByParent(dataSource, list, belongsTo, parentIds, idsParam, compiled, params.values, count);
    });
  }

  /**
   * The parent record with human key `parentKey` (a coalition's slug, a state's code, ...) and its page of
   * meetings in ONE statement: returns the record's id and row, or the object of `recordProjection` when given
   * (null when none has the key), and keeps the page for `page(key, id, fieldNode)`. Throws what `pageQuery`
   * throws for invalid arguments.
   */
  async recordWithPage(
    key: PageKey,
    parentKey: string,
    fieldNode: FieldNode,
    recordProjection: Projection | null = null,
  ): Promise<{ id: number; record: RawRow } | null> {
    const { query, params } = pageQuery(key);
    const { table, keyColumn } = keyedTable(key.parent);
    const found = await fetchRecordWithPage(
      this.dataSource,
      { table, keyColumn, keyParam: params.add(parentKey), projection: recordProjection },
      query,
      params,
    );
    if (!found) return null;
    let byParent = this.fetchedWithParent.get(fieldNode);
    if (!byParent) {
      byParent = new Map();
      this.fetchedWithParent.set(fieldNode, byParent);
    }
    byParent.set(found.id, found.page);
    return { id: found.id, record: found.record };
  }

  /** A parent's page: the one `recordWithPage` fetched for this connection field and parent, else a batched one. */
  async page(key: PageKey, parentId: number, fieldNode: FieldNode): Promise<PageRow<Meeting>[]> {
    const fetched = this.fetchedWithParent.get(fieldNode)?.get(parentId);
    if (fetched instanceof Error) throw fetched;
    if (!fetched) return this.pages.load(key, parentId);
    if (fetched.total !== null) this.counts.prime({ parent: key.parent, filter: key.args.filter }, parentId, fetched.total);
    return fetched.rows;
  }
}

/** The nested page statement's inputs for a page key; throws BAD_USER_INPUT for invalid paging or filter values. */
function pageQuery({ parent, args, projection, withTotal }: PageKey): { query: NestedPageQuery<Meeting>; params: SqlParams } {
  const list = meetingList(args.orderBy, projection);
  const request = pageRequest(args, list.orderFor(list.alias));
  const params = new SqlParams();
  const filter = compileMeetingFilter(args.filter, list.alias, params);
  const totals = withTotal ? { count: indexCount(parent, args.filter, filter, params) } : null;
  return { query: { list, belongsTo: MEETING_PARENTS[parent].belongsTo, request, filter, totals }, params };
}
