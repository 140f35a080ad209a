import { RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../records";

/** The entity class of each record type (its description's `entity`), for answering a mutation with the record it wrote. */
export const RECORD_ENTITIES = Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, RECORDS[type].entity])) as {
  [T in RecordTypeName]: (typeof RECORDS)[T]["entity"];
};

export type RecordOf<T extends RecordTypeName> = InstanceType<(typeof RECORD_ENTITIES)[T]>;
