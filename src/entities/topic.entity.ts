import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import { Node } from "../schema/node.interface";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A subject of discussion; topics form a tree (troop deployment sits under security guarantees). */
@ObjectType("Topic", { description: "A subject of discussion; topics form a tree.", implements: Node, simpleResolvers: true })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
@Entity("topic")
export class Topic extends RecordBase {
  @Field(() => String, { description: "The stable human key, e.g. `troop-deployment`." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @LocalizedField("The topic's name in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  name: LocalizedText;

  @LocalizedField("What the topic covers, in `lang` (with fallback).", { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  description: LocalizedText | null;

  @Index("topic_parent_idx")
  @Column({ name: "parent_id", type: "int", nullable: true })
  parentId: number | null;

  @ManyToOne(() => Topic, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "parent_id" })
  parent?: Topic | null;
}
