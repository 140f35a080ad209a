import { Column, Entity } from "typeorm";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A person who acts for a state or an organisation; the posts they hold are Positions. */
@Entity("official")
export class Official extends RecordBase {
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Column({ type: "jsonb" })
  name: LocalizedText;
}
