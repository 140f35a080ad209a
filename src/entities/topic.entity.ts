import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A subject of discussion; topics form a tree (troop deployment sits under security guarantees). */
@Entity("topic")
export class Topic extends RecordBase {
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Column({ type: "jsonb" })
  name: LocalizedText;

  @Column({ type: "jsonb", nullable: true })
  description: LocalizedText | null;

  @Index("topic_parent_idx")
  @Column({ name: "parent_id", type: "int", nullable: true })
  parentId: number | null;

  @ManyToOne(() => Topic, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "parent_id" })
  parent?: Topic | null;
}
