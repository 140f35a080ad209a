import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context";
import type { Meeting } from "../entities/meeting.entity";
import { toConnection } from "../queries/connection-result";
import { pageRequest } from "../queries/keyset-page";
import { type MeetingParent, meetingList } from "../queries/meeting-list";
import { projectConnectionNodes, selectsField } from "../queries/projection/connection-node-projection";
import type { ConnectionResult } from "../schema/connection";
import type { MeetingListArgs } from "../schema/list-args";
import { keepRelated } from "./keep-related";
import { fetchSelectedParts } from "./meeting-look-ahead";

/** Description shared by the nested `meetings` fields. */
export const NESTED_MEETINGS_DESCRIPTION = "connection (default DATE DESC, ties by slug, no date last); batched across parents.";

/** A parent's page of meetings, through the batched nested-connection loaders (or fetched with the parent itself). */
export async function nestedMeetings(
  parent: MeetingParent,
  parentId: number,
  args: MeetingListArgs,
  context: RequestContext,
  info: GraphQLResolveInfo,
): Promise<ConnectionResult<Meeting>> {
  const order = meetingList(args.orderBy).orderFor("m");
  const request = pageRequest(args, order);
  const connections = context.loaders.meetingConnections;
  const projection = projectConnectionNodes(info, "Meeting");
  const withTotal = selectsField(info, "totalCount");
  const rows = await connections.page({ parent, args, projection, withTotal }, parentId, info.fieldNodes[0]);
  if (!projection) {
    keepRelated(context, rows);
    await fetchSelectedParts(
      context,
      info,
      rows.map((row) => row.node),
    );
  }
  return toConnection(rows, request, order, () => connections.counts.load({ parent, filter: args.filter }, parentId));
}
