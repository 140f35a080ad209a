import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { DateTimeScalar } from "../schema/scalars";
import { ApiKey } from "./api-key.entity";
import { SavedQuery } from "./saved-query.entity";

/** One save of a saved query, kept as it was (append-only). */
@ObjectType("SavedQueryVersion", { description: "One save of a saved query, kept as it was.", simpleResolvers: true })
@Entity("saved_query_version")
@Unique("saved_query_version_key", ["savedQueryId", "version"])
export class SavedQueryVersion {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "BY DEFAULT" })
  id: number;

  @Column({ name: "saved_query_id", type: "int" })
  savedQueryId: number;

  @ManyToOne(() => SavedQuery, { onDelete: "CASCADE" })
  @JoinColumn({ name: "saved_query_id" })
  savedQuery?: SavedQuery;

  @Field(() => Int, { description: "The version number: 1 for the first save, raised by one on each save." })
  @Column({ type: "int" })
  version: number;

  @Field(() => String, { description: "The title as saved in this version." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true, description: "The description as saved in this version." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => String, { description: "The document as saved in this version." })
  @Column({ type: "text" })
  document: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The default variables as saved in this version." })
  @Column({ type: "jsonb", nullable: true })
  variables: Record<string, unknown> | null;

  @Column({ name: "author_api_key_id", type: "int", nullable: true })
  authorApiKeyId: number | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "author_api_key_id" })
  author?: ApiKey | null;

  @Field(() => DateTimeScalar, { description: "When this version was saved." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
