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
export class MeetingConnectionLoaders {
  readonly pages: LoaderFamily<PageKey, number, PageRow<Meeting>[]>;
  readonly counts: LoaderFamily<CountKey, number, number>;

  constructor(private readonly dataSource: DataSource) {
    this.pages = new LoaderFamily<PageKey, number, PageRow<Meeting>[]>(
      async ({ parent, args, projection, withTotal }, parentIds) => {
        const list = meetingList(args.orderBy, projection);
        const request = pageRequest(args, list.orderFor(list.alias));
        const params = new SqlParams();
        const filter = compileMeetingFilter(args.filter, list.alias, params);
        const idsParam = params.add(parentIds);
        const { belongsTo, countAll } = MEETING_PARENTS[parent];
        const totals = withTotal ? { countAll } : null;
        const pages = await fetchPagesByParent(dataSource, list, belongsTo, parentIds, idsParam, request, filter, params, totals);
        return pages.map((page, index) => {
          if (page.total !== null) this.counts.prime({ parent, filter: args.filter }, parentIds[index], page.total);
          return page.rows;
        });
      },
      ({ parent, args, projection, withTotal }) => JSON.stringify([parent, args, projection?.key ?? null, withTotal]),
    );
    this.counts = new LoaderFamily<CountKey, number, number>(async ({ parent, filter }, parentIds) => {
      const list = meetingList(null);
      const params = new SqlParams();
      const compiled = compileMeetingFilter(filter, list.alias, params);
      const idsParam = params.add(parentIds);
      const { belongsTo, countAll } = MEETING_PARENTS[parent];
      return countRowsByParent(dataSource, list, belongsTo, parentIds, idsParam, compiled, params.values, countAll);
    });
  }
}
