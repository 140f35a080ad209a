import { MeetingOrder, MeetingOrderField } from "../schema/meeting-order.input";
import { OrderDirection } from "../schema/order-direction";
import type { KeysetOrder } from "./keyset-page";

/** SQL for the title meetings sort by: English, else the first language held (by tag), as `pickLocalized` chooses. */
function sortTitle(alias: string): string {
  return `COALESCE(${alias}.title->>'en', (SELECT e.value FROM jsonb_each_text(${alias}.title) e ORDER BY e.key LIMIT 1))`;
}

const SORT_KEYS: Record<MeetingOrderField, (alias: string) => { sql: string; type: "date" | "timestamptz" | "text" }> = {
  [MeetingOrderField.DATE]: (alias) => ({ sql: `${alias}.date`, type: "date" }),
  [MeetingOrderField.TITLE]: (alias) => ({ sql: sortTitle(alias), type: "text" }),
  [MeetingOrderField.CREATED_AT]: (alias) => ({ sql: `${alias}.created_at`, type: "timestamptz" }),
};

/** The contract's meeting order: default DATE DESC, ties by slug ascending, meetings with no date last either way. */
export function meetingKeysetOrder(orderBy: MeetingOrder | null | undefined): (alias: string) => KeysetOrder {
  const field = orderBy?.field ?? MeetingOrderField.DATE;
  const direction = orderBy?.direction ?? OrderDirection.DESC;
  return (alias) => ({
    name: `meeting:${field}:${direction}`,
    key: { ...SORT_KEYS[field](alias), direction },
    tieBreaker: `${alias}.slug`,
  });
}
