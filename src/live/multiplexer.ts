import { setImmediate as pendingIo } from "node:timers/promises";
import { type ExecutionArgs, type ExecutionResult, Kind, print, subscribe, visit } from "graphql";
import type { RequestContext } from "../context";
import { countQueries, type QueryCount } from "../db/query-counter";
import type { RecordChange } from "../entities/record-change.entity";
import { isLiveContext, type LiveContext, type LiveScope } from "./live-scope";

type SubscribeResult = AsyncIterableIterator<ExecutionResult> | ExecutionResult;

/**
 * Members handed their changes before the event loop serves pending I/O. Handing a change to 1,000
 * members at once sends 1,000 messages in one turn (each a socket write), and meanwhile no database
 * answer is read: a write waiting to send its COMMIT, holding the history's commit-order lock, waits too.
 */
const FAN_OUT_SLICE = 100;

/**
 * Executed events a group may hold for its members before it stops taking changes from its stream, whose
 * own buffer then bounds how far the group may fall behind (LIVE_SUBSCRIBER_BUFFER, then 4413).
 */
const READY_LIMIT = 64;

/** One executed event of a group, for every member whose cursor is before its change. */
interface Delivery {
  change: RecordChange;
  result: ExecutionResult;
}

/** One subscription of a group: its own cursor; its events go straight to its socket. */
interface Member {
  /** Changes up to this entry id were before the member subscribed. */
  afterId: number;
  scope: LiveScope;
  wake: (() => void) | null;
  done: boolean;
  ended: boolean;
  error: unknown;
}

/** Subscriptions whose events are the same: executed once per change, sent to every member. */
interface Group {
  key: string;
  members: Set<Member>;
  source: AsyncIterator<ExecutionResult>;
  closed: boolean;
  /** Executed events not yet handed to the members, oldest first. */
  ready: Delivery[];
  /** Whether a fan-out of `ready` is under way (set and cleared synchronously, with no await between). */
  fanningOut: boolean;
  /** The last fan-out started, to wait for. */
  fanOut: Promise<void>;
}

/**
 * A subscription that resumes from a cursor replays history of its own, so it is not shared. Any `after`
 * argument with a value in the document counts (a nested one too: not sharing is always correct).
 */
function resumes({ document, variableValues }: ExecutionArgs): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value !== "after") return;
      const { value } = node;
      if (value.kind === Kind.VARIABLE ? variableValues?.[value.name.value] != null : value.kind !== Kind.NULL) found = true;
    },
  });
  return found;
}

/**
 * Everything an event's answer depends on: the document, the operation, the variables and who asks (the
 * API key, which fixes the role and what the resolvers show, e.g. `actor`).
 */
function groupKey(args: ExecutionArgs, context: LiveContext): string {
  const { apiKeyId, role } = context.viewer;
  return JSON.stringify([apiKeyId, role, args.operationName ?? null, args.variableValues ?? {}, print(args.document)]);
}

function isStream(result: SubscribeResult): result is AsyncIterableIterator<ExecutionResult> {
  return Symbol.asyncIterator in result;
}

/** Runs every `next` of `source` under `count`, so the SQL statements of its events are counted. */
function counted(source: AsyncIterableIterator<ExecutionResult>, count: QueryCount): AsyncIterableIterator<ExecutionResult> {
  return {
    next: () => countQueries(count, () => source.next()),
    return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (error) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * graphql-ws's `subscribe`, multiplexed: subscriptions with the same document, variables and API key share
 * one source stream, whose events graphql-js executes once per change; that result, serialised once, is
 * sent straight to each member's socket (LiveScope.sendNext) from the change after the one that was
 * newest when it subscribed, so each still receives every change once and in order; events that became
 * ready while the members were being written to go to each member together, in one write. A member whose
 * socket holds LIVE_SUBSCRIBER_BUFFER results unwritten is closed as a slow consumer (4413). Subscriptions
 * that resume from `after` replay on their own stream, through graphql-ws. `statements` counts the SQL
 * run for all of them.
 */
export function multiplexedSubscribe(statements: QueryCount): (args: ExecutionArgs) => Promise<SubscribeResult> {
  const groups = new Map<string, Promise<Group | ExecutionResult>>();
  // The group each key's entry in `groups` resolved to, while it is open.
  const open = new Map<string, Group>();

  const endMember = (member: Member, error: unknown = null) => {
    member.done = true;
    member.error ??= error;
    member.wake?.();
    member.wake = null;
    if (member.ended) return;
    member.ended = true;
    member.scope.onEnd();
  };

  const closeGroup = (group: Group) => {
    if (group.closed) return;
    group.closed = true;
    if (open.get(group.key) === group) {
      open.delete(group.key);
      groups.delete(group.key);
    }
    void group.source.return?.();
  };

  const deliver = (member: Member, deliveries: readonly Delivery[]) => {
    if (member.done) return;
    const due =
      deliveries[0].change.id > member.afterId ? deliveries : deliveries.filter(({ change }) => change.id > member.afterId);
    if (due.length === 0) return;
    if (member.scope.unsent() + due.length > member.scope.bufferLimit) {
      endMember(member);
      member.scope.onOverflow();
      return;
    }
    member.scope.sendNext(due.map(({ result }) => result));
    for (const { change } of due) member.scope.onDeliver({ change });
  };

  // Hands every ready event to every member, those that became ready meanwhile too. When the members
  // cannot be written to as fast as changes come, the events wait here, and each member then takes all
  // of them in one socket write: the cost per message falls as the load rises.
  // It never rejects (the pump starts it without awaiting): a failure ends the group as the pump's would.
  const fanOut = async (group: Group) => {
    group.fanningOut = true;
    try {
      while (group.ready.length > 0) {
        const deliveries = group.ready.splice(0);
        let handed = 0;
        for (const member of [...group.members]) {
          deliver(member, deliveries);
          if (++handed % FAN_OUT_SLICE === 0) await pendingIo();
        }
      }
    } catch (error) {
      closeGroup(group);
      for (const member of group.members) endMember(member, error);
    } finally {
      group.fanningOut = false;
    }
  };

  const pump = async (group: Group, current: () => RecordChange | null) => {
    let failure: unknown = null;
    try {
      for (;;) {
        const { value, done } = await group.source.next();
        const change = current();
        if (done || change === null) break;
        group.ready.push({ change, result: value });
        if (!group.fanningOut) group.fanOut = fanOut(group);
        if (group.ready.length >= READY_LIMIT) await group.fanOut;
      }
    } catch (error) {
      failure = error;
    }
    await group.fanOut;
    closeGroup(group);
    for (const member of group.members) endMember(member, failure);
  };

  const openGroup = async (key: string, args: ExecutionArgs, context: LiveContext): Promise<Group | ExecutionResult> => {
    let current: RecordChange | null = null;
    let group: Group | null = null;
    // The group's own stream: its scope hears which change graphql-js is about to execute, and an overflow
    // (the group fell LIVE_SUBSCRIBER_BUFFER changes behind) closes every member as a slow consumer.
    const scope: LiveScope = {
      ...context.live,
      onDeliver: (event) => {
        current = event.change;
      },
      onOverflow: () => {
        for (const member of group?.members ?? []) {
          endMember(member);
          member.scope.onOverflow();
        }
      },
      onOpen: () => {},
      onEnd: () => {},
    };
    const result = (await subscribe({ ...args, contextValue: { ...context, live: scope } })) as SubscribeResult;
    if (!isStream(result)) {
      groups.delete(key);
      return result;
    }
    group = { key, members: new Set(), source: result, closed: false, ready: [], fanningOut: false, fanOut: Promise.resolve() };
    open.set(key, group);
    void pump(group, () => current);
    return group;
  };

  const join = (group: Group, scope: LiveScope): AsyncIterableIterator<ExecutionResult> => {
    const member: Member = {
      afterId: scope.feed.lastSeenId,
      scope,
      wake: null,
      done: false,
      ended: false,
      error: null,
    };
    group.members.add(member);
    scope.onOpen();
    const leave = () => {
      endMember(member);
      group.members.delete(member);
      if (group.members.size === 0) closeGroup(group);
    };
    // graphql-ws waits on this stream only to learn that the subscription ended: its events were sent.
    return {
      async next() {
        while (!member.done) {
          await new Promise<void>((resolve) => {
            member.wake = resolve;
          });
        }
        if (member.error) throw member.error;
        return { value: undefined, done: true };
      },
      async return() {
        leave();
        return { value: undefined, done: true };
      },
      async throw(error) {
        leave();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };

  const shared = async (args: ExecutionArgs, context: LiveContext): Promise<SubscribeResult> => {
    const key = groupKey(args, context);
    for (;;) {
      let pending = groups.get(key);
      if (!pending) {
        pending = openGroup(key, args, context);
        groups.set(key, pending);
      }
      const group = await pending;
      if (!("members" in group)) return group;
      // A group whose last member left while this one waited is gone: open another.
      if (!(group as Group).closed) return join(group as Group, context.live);
      if (groups.get(key) === pending) groups.delete(key);
    }
  };

  return (args) =>
    countQueries(statements, async () => {
      const context = args.contextValue as RequestContext;
      if (!isLiveContext(context) || resumes(args)) {
        const result = (await subscribe(args)) as SubscribeResult;
        return isStream(result) ? counted(result, statements) : result;
      }
      return shared(args, context);
    });
}
