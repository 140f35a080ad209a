import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context";
import type { Meeting } from "../entities/meeting.entity";
import { MeetingPartsLoaders } from "../loaders/meeting-parts.loader";
import { selectedNodeFields } from "../queries/selected-node-fields";

/**
 * Look-ahead for a meetings connection: fetches the parts its nodes select (participants, topics, outcomes,
 * sources) for the whole page, batched with the other pages of the level, before the page is returned, so
 * their field resolvers find them in their loaders. Other selections are resolved field by field as before.
 */
export async function fetchSelectedParts(
  context: RequestContext,
  info: GraphQLResolveInfo,
  meetings: readonly Meeting[],
): Promise<void> {
  if (meetings.length === 0) return;
  const parts = MeetingPartsLoaders.partsOf(selectedNodeFields(info));
  await context.loaders.meetingParts.prefetch(
    parts,
    meetings.map((meeting) => meeting.id),
  );
}
