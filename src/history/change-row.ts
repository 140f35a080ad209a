import { RecordChange } from "../entities/record-change.entity";

/** A record_change row as PostgreSQL returns it. */
export interface ChangeRow {
  id: number;
  occurred_at: Date;
  actor: string;
  api_key_id: number | null;
  record_type: string;
  record_id: number;
  record_key: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  version: number;
}

export function toEntry(row: ChangeRow): RecordChange {
  return Object.assign(new RecordChange(), {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    apiKeyId: row.api_key_id,
    recordType: row.record_type,
    recordId: row.record_id,
    recordKey: row.record_key,
    action: row.action,
    before: row.before,
    after: row.after,
    version: row.version,
  });
}
