import { Check, Column, Entity } from "typeorm";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A sovereign state, keyed by its ISO 3166-1 alpha-2 code. */
@Entity("state")
@Check("state_code_format", `code ~ '^[A-Z]{2}$'`)
export class State extends RecordBase {
  @Column({ type: "varchar", length: 2, unique: true })
  code: string;

  @Column({ type: "jsonb" })
  name: LocalizedText;
}
