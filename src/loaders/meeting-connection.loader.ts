import type { DataSource } from "typeorm";
import type { Meeting } from "../entities/meeting.entity";
import type { PageRow } from "../queries/connection-result";
import { pageRequest } from "../queries/keyset-page";
import { compileMeetingFilter } from "../queries/meeting-filter";
import { MEETING_PARENTS, type MeetingParent, meetingList } from "../queries/meeting-list";
import type { Projection } from "../queries/projection/selection-projection";
import { countRowsByParent, fetchPagesByParent } from "../queries/record-page";
import { SqlParams } from "../queries/sql-params";
import type { MeetingListArgs } from "../schema/list-args";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import { LoaderFamily } from "./loader-family";

interface PageKey {
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
 * each) and, only when `totalCount` is selected, one for all their counts.
 */
/** A filter compiled once per request, its `$n` numbered from 1; parent ids are bound after its values. */
interface CompiledFilter {
  sql: string;
  values: unknown[];
}

export class MeetingConnectionLoaders {
  readonly pages: LoaderFamily<PageKey, number, PageRow<Meeting>[]>;
  readonly counts: LoaderFamily<CountKey, number, number>;
  private readonly compiledFilters = new Map<string, Promise<CompiledFilter>>();

  constructor(private readonly dataSource: DataSource) {
    this.pages = new LoaderFamily<PageKey, number, PageRow<Meeting>[]>(
      async ({ parent, args, projection, withTotal }, parentIds) => {
        const list = meetingList(args.orderBy, projection);
        const request = pageRequest(args, list.orderFor(list.alias));
        const { sql, params } = await this.filterWithParams(args.filter);
        const idsParam = params.add(parentIds);
        const { belongsTo, countAll } = MEETING_PARENTS[parent];
        const totals = withTotal ? { countAll } : null;
        const pages = await fetchPagesByParent(dataSource, list, belongsTo, parentIds, idsParam, request, sql, params, totals);
        return pages.map((page, index) => {
          if (page.total !== null) this.counts.prime({ parent, filter: args.filter }, parentIds[index], page.total);
          return page.rows;
        });
      },
      ({ parent, args, projection, withTotal }) => JSON.stringify([parent, args, projection?.key ?? null, withTotal]),
    );
    this.counts = new LoaderFamily<CountKey, number, number>(async ({ parent, filter }, parentIds) => {
      const { sql, params } = await this.filterWithParams(filter);
      const idsParam = params.add(parentIds);
      const { belongsTo, countAll } = MEETING_PARENTS[parent];
      return countRowsByParent(dataSource, meetingList(null), belongsTo, parentIds, idsParam, sql, params.values, countAll);
    });
  }

  /** The filter's SQL (compiled once per request, so its lookups run once for page and count) with fresh params. */
  private async filterWithParams(filter: MeetingFilter | null | undefined): Promise<{ sql: string; params: SqlParams }> {
    const key = JSON.stringify(filter ?? null);
    let compiled = this.compiledFilters.get(key);
    if (!compiled) {
      const params = new SqlParams();
      compiled = compileMeetingFilter(this.dataSource, filter, "m", params).then((sql) => ({ sql, values: params.values }));
      this.compiledFilters.set(key, compiled);
    }
    const { sql, values } = await compiled;
    const params = new SqlParams();
    for (const value of values) params.add(value);
    return { sql, params };
  }
}
