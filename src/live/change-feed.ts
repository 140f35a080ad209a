import type { DataSource } from "typeorm";
import type { Notifications } from "../db/notifications";
import type { RecordChange } from "../entities/record-change.entity";
import { type ChangeRow, toEntry } from "../history/change-row";
import type { Logger } from "../logger";

/** The channel the history's trigger (migration ChangeNotify) announces appended entries on. */
export const CHANGES_CHANNEL = "chancery_changes";

/** History entries read per statement while catching up. */
const BATCH_SIZE = 500;

/** After a failed read, the next attempt (a NOTIFY may also come first). */
const RETRY_MS = 1000;

/** Hears each batch of history entries this instance learns of, in id (commit) order. */
export type ChangeListener = (batch: readonly RecordChange[]) => void;

/**
 * One per instance: the history, followed. On a NOTIFY (or when the LISTEN connection is back after a
 * loss) it reads the entries after the last one it saw, in id order, one statement per batch whatever
 * the number of subscribers, and hands each batch to every listener. History ids follow commit order
 * (migration HistoryCommitOrder), so reading by id never passes a change that commits later.
 */
export interface ChangeFeed {
  /** The newest entry id handed to listeners (or present when the feed started). */
  readonly lastSeenId: number;
  listen(listener: ChangeListener): () => void;
  /** History entries after `afterId` in id order, at most `limit` (a subscription's replay reads through this). */
  readAfter(afterId: number, limit: number): Promise<RecordChange[]>;
  close(): void;
}

export async function startChangeFeed(dataSource: DataSource, notifications: Notifications, log: Logger): Promise<ChangeFeed> {
  const listeners = new Set<ChangeListener>();
  let lastSeenId = 0;
  // False until the history's tail is known (a server may start before its migrations are applied).
  let started = false;
  let warned = false;
  let reading: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const readAfter = async (afterId: number, limit: number): Promise<RecordChange[]> => {
    const rows: ChangeRow[] = await dataSource.query(`SELECT * FROM record_change WHERE id > $1 ORDER BY id LIMIT ${limit}`, [
      afterId,
    ]);
    return rows.map(toEntry);
  };

  const fanOut = (batch: RecordChange[]) => {
    lastSeenId = batch[batch.length - 1].id;
    for (const listener of listeners) {
      try {
        listener(batch);
      } catch (error) {
        log.error({ err: error }, "a live-update listener failed");
      }
    }
  };

  const catchUp = async () => {
    do {
      again = false;
      let batch: RecordChange[];
      do {
        batch = await readAfter(lastSeenId, BATCH_SIZE);
        if (batch.length > 0 && !closed) fanOut(batch);
      } while (batch.length === BATCH_SIZE && !closed);
    } while (again && !closed);
  };

  // One read at a time; a NOTIFY that arrives meanwhile asks for one more pass when it ends.
  const wake = () => {
    if (closed || !started) return;
    if (reading) {
      again = true;
      return;
    }
    reading = catchUp()
      .catch((error: Error) => {
        log.warn({ err: error.message }, "live updates could not read the change history; retrying");
        setTimeout(wake, RETRY_MS).unref();
      })
      .finally(() => {
        reading = null;
      });
  };

  const readTail = async (): Promise<void> => {
    try {
      const [{ newest }]: { newest: number }[] = await dataSource.query(
        "SELECT coalesce(max(id), 0)::int AS newest FROM record_change",
      );
      lastSeenId = newest;
      started = true;
    } catch (error) {
      if (!warned)
        log.warn({ err: (error as Error).message }, "live updates wait for the change history (migrations pending?); retrying");
      warned = true;
      if (!closed) setTimeout(() => void readTail().then(wake), RETRY_MS * 5).unref();
    }
  };
  await readTail();

  const stopListening = await notifications.listen(CHANGES_CHANNEL, (payload) => {
    if (Number(payload) > lastSeenId) wake();
  });
  const stopReconnect = notifications.onReconnect(wake);
  // Whatever committed between reading the tail and LISTEN taking effect.
  wake();

  return {
    get lastSeenId() {
      return lastSeenId;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readAfter,
    close() {
      closed = true;
      stopListening();
      stopReconnect();
      listeners.clear();
    },
  };
}
