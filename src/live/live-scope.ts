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
