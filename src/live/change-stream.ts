import type { RecordChange } from "../entities/record-change.entity";
import type { ChangeFeed } from "./change-feed";

/** History entries read per statement while a subscription replays from its cursor. */
const REPLAY_PAGE = 200;

/** What a subscription sends for one change: the history entry, and whatever else its operation selects. */
export interface LiveEvent {
  change: RecordChange;
}

export interface ChangeStreamOptions<T extends LiveEvent> {
  feed: ChangeFeed;
  /** The id of the last entry the client saw (from its `after` cursor); null: from now on. */
  afterId: number | null;
  /** The events a batch of entries (in id order) gives this subscription, in the same order; may query. */
  select: (batch: readonly RecordChange[]) => Promise<T[]>;
  /** Live entries this subscription may hold unsent before it is a slow consumer. */
  bufferLimit: number;
  /** The buffer overflowed: the stream has ended; the caller closes the connection (the client resumes with `after`). */
  onOverflow: () => void;
  /** Each event as it is handed to the transport. */
  onDeliver?: (event: T) => void;
  /** Once, when the stream ends (completed, closed or overflowed). */
  onEnd?: () => void;
}

/**
 * One subscription's changes: first those after its cursor, read from the history page by page as the
 * client takes them, then live ones from the feed, each exactly once and in id (commit) order. The live
 * listener is registered at once, but live batches are kept only once the replay has caught up with the
 * feed: until then the history itself holds them and the replay reads them, so nothing is queued twice.
 */
export function changeStream<T extends LiveEvent>(options: ChangeStreamOptions<T>): AsyncIterableIterator<T> {
  const { feed, select, bufferLimit } = options;
  let position = options.afterId ?? feed.lastSeenId;
  let live = options.afterId === null;
  let ended = false;
  const queue: RecordChange[] = [];
  const ready: T[] = [];
  let wakeUp: (() => void) | null = null;

  const wake = () => {
    wakeUp?.();
    wakeUp = null;
  };

  const end = () => {
    if (ended) return;
    ended = true;
    options.onEnd?.();
    stopListening();
    queue.length = 0;
    ready.length = 0;
    wake();
  };

  const stopListening = feed.listen((batch) => {
    if (!live || ended) return;
    const newest = queue.length > 0 ? queue[queue.length - 1].id : position;
    for (const entry of batch) if (entry.id > newest) queue.push(entry);
    if (queue.length + ready.length > bufferLimit) {
      end();
      options.onOverflow();
      return;
    }
    wake();
  });

  const replayPage = async () => {
    const page = await feed.readAfter(position, REPLAY_PAGE);
    if (page.length > 0) {
      position = page[page.length - 1].id;
      ready.push(...(await select(page)));
    }
    // Synchronously after the last read: every batch the feed hands out from here on is queued.
    if (page.length < REPLAY_PAGE && feed.lastSeenId <= position) live = true;
  };

  const takeQueued = async () => {
    const batch = queue.splice(0);
    position = batch[batch.length - 1].id;
    const events = await select(batch);
    if (!ended) ready.push(...events);
  };

  const next = async (): Promise<IteratorResult<T>> => {
    for (;;) {
      const event = ready.shift();
      if (event !== undefined) {
        options.onDeliver?.(event);
        return { value: event, done: false };
      }
      if (ended) return { value: undefined, done: true };
      if (!live) await replayPage();
      else if (queue.length > 0) await takeQueued();
      else await new Promise<void>((resolve) => (wakeUp = resolve));
    }
  };

  return {
    next,
    async return() {
      end();
      return { value: undefined, done: true };
    },
    async throw(error) {
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
