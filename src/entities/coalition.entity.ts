import { Column, Entity } from "typeorm";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A group of states acting together, e.g. the Coalition of the Willing. Members change over time (Membership). */
@Entity("coalition")
export class Coalition extends RecordBase {
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Column({ type: "jsonb" })
  name: LocalizedText;

  @Column({ type: "jsonb", nullable: true })
  description: LocalizedText | null;

  @Column({ name: "founded_on", type: "date", nullable: true })
  foundedOn: string | null;
}
