import type { EntityManager } from "typeorm";
import { State } from "../entities/state.entity";
import type { Entry } from "../records";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { findStored, NO_CHILDREN, upsertRecord } from "./record-upsert";

export async function upsertState(manager: EntityManager, state: Entry<"State">, keys: RecordKeys): Promise<UpsertAction> {
  const existing = await findStored(manager, State, state, { code: state.code });
  const { id, action } = await upsertRecord(manager, State, existing, { code: state.code, name: state.name }, NO_CHILDREN);
  keys.set("state", state.code, id);
  return action;
}
