import type { EntityManager } from "typeorm";
import { State } from "../entities/state.entity";
import type { StateInput } from "./bundle-types";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { NO_CHILDREN, upsertRecord } from "./record-upsert";

export async function upsertState(manager: EntityManager, state: StateInput, keys: RecordKeys): Promise<UpsertAction> {
  const existing = await manager.findOneBy(State, { code: state.code });
  const { id, action } = await upsertRecord(manager, State, existing, { code: state.code, name: state.name }, NO_CHILDREN);
  keys.set("state", state.code, id);
  return action;
}
