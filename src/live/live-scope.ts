import type { ExecutionResult } from "graphql";
import type { RequestContext } from "../context";
import type { ChangeFeed } from "./change-feed";
import type { LiveEvent } from "./change-stream";

/** What a subscription over WebSocket needs beyond a request's context: the instance's feed and its connection's limits. */
export interface LiveScope {
  feed: ChangeFeed;
  /** LIVE_SUBSCRIBER_BUFFER: live entries a subscription may hold unsent. */
  bufferLimit: number;
  /** Closes the connection as a slow consumer (4413). */
  onOverflow: () => void;
  onDeliver: (event: LiveEvent) => void;
  /**
   * Sends results of this subscription, in order, straight to its socket as graphql-ws would (`next`
   * messages, errors formatted), in one socket write; each result is serialised once for all the
   * subscriptions that share it. A shared subscription's events go this way (src/live/multiplexer.ts);
   * its own stream's go through graphql-ws.
   */
  sendNext: (results: readonly ExecutionResult[]) => void;
  /** Results sent with `sendNext` that the socket has not written yet. */
  unsent: () => number;
  /** A subscription's stream started, and ended. */
  onOpen: () => void;
  onEnd: () => void;
}

/** The context of an operation that came over WebSocket (src/http/live.route.ts). */
export interface LiveContext extends RequestContext {
  live: LiveScope;
}

export function isLiveContext(context: RequestContext): context is LiveContext {
  return "live" in context;
}
