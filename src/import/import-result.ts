import { RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../records";

/** What one import did to the records of one type. */
export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The answer of an import: totals and counts per record type (`sources`, `meetings`, `outcomes`...). */
export interface ImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  byType: Record<string, TypeCounts>;
}

export type UpsertAction = keyof TypeCounts;

/** Counts actions as the upserts report them, per record type, under its bundle section's name, in write order. */
export class ImportTally {
  private readonly byType = new Map<RecordTypeName, TypeCounts>(
    RECORD_TYPE_NAMES.map((type) => [type, { created: 0, updated: 0, unchanged: 0 }]),
  );

  count(type: RecordTypeName, action: UpsertAction): void {
    const counts = this.byType.get(type);
    if (counts) counts[action] += 1;
  }

  result(dryRun: boolean): ImportResult {
    const byType: Record<string, TypeCounts> = {};
    const total: TypeCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const [type, counts] of this.byType) {
      byType[RECORDS[type].section] = { ...counts };
      total.created += counts.created;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
    }
    return { dryRun, ...total, byType };
  }
}
