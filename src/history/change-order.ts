import type { EntityManager } from "typeorm";

/** "CHHO": the advisory lock key that serialises history appends; any constant works if no one else uses it. */
const CHANGE_ORDER_LOCK = 0x4348484f;

/**
 * Makes history ids follow commit order. Live updates deliver the history by id from a cursor: if a
 * transaction that took id 7 committed after one that took id 8, a reader that already passed 8 would
 * never see 7. Holding this transaction-scoped lock from the first history id a transaction takes until
 * it commits means ids are handed out in the order transactions commit. Taken as late as possible (just
 * before the history insert) so that writers overlap for all their other work; taking it twice is free.
 */
export async function inCommitOrder(manager: EntityManager): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock($1)", [CHANGE_ORDER_LOCK]);
}
