import { GraphQLJSONObject } from "graphql-scalars";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Node } from "../schema/node.interface";
import { DateTimeScalar } from "../schema/scalars";
import { ApiKey } from "./api-key.entity";
import { RecordBase } from "./record-base";

/** Names are URL path segments (`/saved/{name}`): letters, digits, `-` and `_`. */
export const SAVED_QUERY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * A named GraphQL query an analyst saved to re-run with new variables, over GraphQL (`runSavedQuery`)
 * or REST (`/saved/{name}`). Every save is kept as a SavedQueryVersion; `version` is the latest.
 */
@ObjectType("SavedQuery", {
  description:
    "A named GraphQL query saved to be re-run with new variables, over GraphQL (`runSavedQuery`) or REST (`restPath`).",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "name")')
@Entity("saved_query")
@Check("saved_query_name_format", `name ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$'`)
export class SavedQuery extends RecordBase {
  @Field(() => String, { description: "The saved query's unique name, as used in `/saved/{name}`." })
  @Column({ type: "varchar", length: 100, unique: true })
  name: string;

  @Field(() => String, { description: "A short human title." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true, description: "What the query answers, for other analysts." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => String, { description: "The GraphQL document: exactly one query operation." })
  @Column({ type: "text" })
  document: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "Default values of the document's variables." })
  @Column({ type: "jsonb", nullable: true })
  variables: Record<string, unknown> | null;

  /** Hex SHA-256 of `document`: the hash a persisted-query client sends (SAFELIST mode admits it). */
  @Field(() => String, { description: "The hex SHA-256 of `document`, as an automatic persisted query sends it." })
  @Index("saved_query_document_hash_idx")
  @Column({ name: "document_hash", type: "char", length: 64 })
  documentHash: string;

  @Index("saved_query_owner_idx")
  @Column({ name: "owner_api_key_id", type: "int", nullable: true })
  ownerApiKeyId: number | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "owner_api_key_id" })
  owner?: ApiKey | null;

  /**
   * The version an ADMIN approved (or its EDITOR owner published) for the SAFELIST: admitted only while it
   * is still the current version, so a later save needs a new approval.
   */
  @Field(() => Int, {
    nullable: true,
    description:
      "The version last approved for the SAFELIST (null: never, or approval revoked); a later save needs a new approval.",
  })
  @Column({ name: "approved_version", type: "int", nullable: true })
  approvedVersion: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When `approvedVersion` was approved." })
  @Column({ name: "approved_at", type: "timestamptz", nullable: true })
  approvedAt: Date | null;

  @Column({ name: "approved_by_api_key_id", type: "int", nullable: true })
  approvedByApiKeyId: number | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "approved_by_api_key_id" })
  approvedBy?: ApiKey | null;
}
