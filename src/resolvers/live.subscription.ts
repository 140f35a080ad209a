import { Args, Ctx, Resolver, Root, type SubscribeResolverData, Subscription } from "type-graphql";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import type { RecordChange } from "../entities/record-change.entity";
import { clientError, ErrorCode } from "../errors";
import { encodeChangeCursor } from "../history/history-page";
import { changeStream, type LiveEvent } from "../live/change-stream";
import { isLiveContext, type LiveScope } from "../live/live-scope";
import { MeetingMatcher } from "../live/meeting-matcher";
import { afterIdOf, checkRecordChangedLists } from "../live/subscription-args";
import { createLoaders } from "../loaders";
import { RecordLoaders } from "../loaders/record.loader";
import { MeetingChangeEvent, MeetingsChangedArgs, RecordChangedArgs, RecordChangeEvent } from "../schema/live-events";

function liveScopeOf(context: RequestContext): LiveScope {
  if (!isLiveContext(context)) {
    throw clientError(
      ErrorCode.BAD_USER_INPUT,
      "subscriptions run over WebSocket (graphql-ws protocol) at /graphql, not over HTTP",
    );
  }
  return context.live;
}

function streamOf<T extends LiveEvent>(
  context: RequestContext,
  after: string | null | undefined,
  select: (batch: readonly RecordChange[]) => Promise<T[]>,
) {
  const scope = liveScopeOf(context);
  const afterId = afterIdOf(after);
  scope.onOpen();
  return changeStream({ ...scope, afterId, select });
}

function recordChanges({
  args,
  context,
}: SubscribeResolverData<unknown, RecordChangedArgs, RequestContext>): AsyncIterable<RecordChangeEvent> {
  checkRecordChangedLists(args.types, args.keys);
  const types = args.types ? new Set(args.types) : null;
  const keys = args.keys ? new Set(args.keys) : null;
  const wanted = (change: RecordChange) =>
    (types === null || types.has(change.recordType)) &&
    (keys === null || (change.recordKey !== null && keys.has(change.recordKey)));
  return streamOf(context, args.after, async (batch) =>
    batch.filter(wanted).map((change) => ({ cursor: encodeChangeCursor(change.id), change })),
  );
}

async function meetingChanges({
  args,
  context,
}: SubscribeResolverData<unknown, MeetingsChangedArgs, RequestContext>): Promise<AsyncIterable<MeetingChangeEvent>> {
  liveScopeOf(context);
  const afterId = afterIdOf(args.after);
  const matcher = await MeetingMatcher.create(context.dataSource, args.filter);
  return streamOf(context, afterId === null ? null : args.after, async (batch) => {
    const changes = await matcher.matching(batch);
    // The batch's meetings in one statement (a loader of its own: the request's loaders live as long as the subscription).
    const meetings = new RecordLoaders(context.dataSource).byId(Meeting);
    const loaded = await Promise.all(
      changes.map((change) => (change.action === "DELETE" ? null : meetings.load(change.recordId))),
    );
    return changes.map((change, index) => ({ cursor: encodeChangeCursor(change.id), change, meeting: loaded[index] }));
  });
}

/**
 * A subscription's context lasts as long as it does, and graphql-js resolves its events one after the other:
 * each event gets fresh loaders, so it never reads records cached for an earlier one.
 */
function freshLoaders(context: RequestContext): void {
  context.loaders = createLoaders(context.dataSource);
}

@Resolver()
export class LiveSubscriptionResolver {
  @Subscription(() => RecordChangeEvent, {
    subscribe: recordChanges,
    description:
      "Changes to records as the history records them, in commit order: first every change after `after` (when given), then live ones, each exactly once. Over WebSocket (graphql-ws) at /graphql.",
  })
  recordChanged(
    @Root() event: RecordChangeEvent,
    @Args() _args: RecordChangedArgs,
    @Ctx() context: RequestContext,
  ): RecordChangeEvent {
    freshLoaders(context);
    return event;
  }

  @Subscription(() => MeetingChangeEvent, {
    subscribe: meetingChanges,
    description:
      "Meetings created, changed or deleted that match `filter` (as `meetings` applies it), in commit order, with the meeting under your selection: first every change after `after` (when given), then live ones. Over WebSocket (graphql-ws) at /graphql.",
  })
  meetingsChanged(
    @Root() event: MeetingChangeEvent,
    @Args() _args: MeetingsChangedArgs,
    @Ctx() context: RequestContext,
  ): MeetingChangeEvent {
    freshLoaders(context);
    return event;
  }
}
