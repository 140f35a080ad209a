import { Field, Int, ObjectType } from "type-graphql";
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { DateTimeScalar } from "../schema/scalars";

/**
 * Columns every record carries: an internal id, an optimistic-concurrency version and timestamps.
 * The internal id is never exposed as is: GraphQL `id` is the Relay global id (see record.resolver.ts).
 */
@ObjectType()
export abstract class RecordBase {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "BY DEFAULT" })
  id: number;

  @Field(() => Int, { description: "Raised by one on every update; pass it as `expectedVersion` to update safely." })
  @VersionColumn({ default: 1 })
  version: number;

  @Field(() => DateTimeScalar, { description: "When the record was created." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When the record was last changed." })
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
