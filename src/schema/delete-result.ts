import { Field, ID, Int, ObjectType } from "type-graphql";

/** Records that depended on a deleted (or refused) record, grouped by type and relation. */
@ObjectType("DependantGroup", { description: "Records that depend on another through one relation." })
export class DependantGroup {
  @Field(() => String, { description: "The dependants' record type, e.g. `Meeting`." })
  recordType: string;

  @Field(() => String, { description: "How they depend on it, e.g. `participant` or `location country`." })
  relation: string;

  @Field(() => Int, { description: "How many records depend on it this way." })
  count: number;

  @Field(() => [String], { description: "Their human keys (a Statement's global id)." })
  keys: string[];

  @Field(() => String, { description: "What `cascade: true` does (or did) to them: `DELETE` or `UPDATE` (the link removed)." })
  cascade: string;
}

/** What a delete mutation answers. */
@ObjectType("DeleteRecordPayload", {
  description: "The record deleted, and what its deletion did to the records depending on it.",
})
export class DeleteRecordPayload {
  @Field(() => ID, { description: "The deleted record's global id." })
  deletedId: string;

  @Field(() => String, { description: "The deleted record's type." })
  recordType: string;

  @Field(() => String, { nullable: true, description: "The deleted record's human key." })
  key: string | null;

  @Field(() => Int, { description: "The version the record had when it was deleted." })
  version: number;

  @Field(() => [DependantGroup], { description: "Dependants deleted or detached by `cascade: true` (empty without dependants)." })
  cascaded: DependantGroup[];
}
