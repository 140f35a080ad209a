import type { DataSource } from "typeorm";
import { migrationsUpToDate } from "./migrations";
import type { ReplicaStatus } from "./read-replicas";

/** Whether the server can serve data, and if not, why (the body of a 503 from /readyz). */
export type Readiness = ({ ready: true } | { ready: false; reason: string }) & { replicas?: ReplicaStatus[] };

class ProbeTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Ready when the database answers within `timeoutMs` and every migration is applied. */
export async function checkReadiness(dataSource: DataSource, timeoutMs: number): Promise<Readiness> {
  if (!dataSource.isInitialized) return { ready: false, reason: "database not connected" };
  try {
    const upToDate = await withTimeout(migrationsUpToDate(dataSource), timeoutMs);
    return upToDate ? { ready: true } : { ready: false, reason: "migrations pending (run `npm run migrate`)" };
  } catch (error) {
    const detail = error instanceof ProbeTimeout ? error.message : "connection failed";
    return { ready: false, reason: `database unavailable: ${detail}` };
  }
}
