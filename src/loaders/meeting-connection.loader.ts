import type { DataSource } from "typeorm";
import type { Meeting } from "../entities/meeting.entity";
import type { PageRow } from "../queries/connection-result";
import { pageRequest } from "../queries/keyset-page";
import { compileMeetingFilter } from "../queries/meeting-filter";
import { MEETING_PARENTS, type MeetingParent, meetingList } from "../queries/meeting-list";
import { countRowsByParent, fetchPagesByParent } from "../queries/record-page";
import { SqlParams } from "../queries/sql-params";
import type { MeetingListArgs } from "../schema/list-args";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import { LoaderFamily } from "./loader-family";

interface PageKey {
  parent: MeetingParent;
  args: MeetingListArgs;
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

  constructor(dataSource: DataSource) {
    this.pages = new LoaderFamily<PageKey, number, PageRow<Meeting>[]>(async ({ parent, args }, parentIds) => {
      const list = meetingList(args.orderBy);
      const request = pageRequest(args, list.orderFor(list.alias));
      const params = new SqlParams();
      const idsParam = params.add(parentIds);
      const filterSql = await compileMeetingFilter(dataSource, args.filter, list.alias, params);
      return fetchPagesByParent(dataSource, list, MEETING_PARENTS[parent], parentIds, idsParam, request, filterSql, params);
    });
    this.counts = new LoaderFamily<CountKey, number, number>(async ({ parent, filter }, parentIds) => {
      const list = meetingList(null);
      const params = new SqlParams();
      const idsParam = params.add(parentIds);
      const filterSql = await compileMeetingFilter(dataSource, filter, list.alias, params);
      return countRowsByParent(dataSource, list, MEETING_PARENTS[parent], parentIds, idsParam, filterSql, params.values);
    });
  }
}
