import { Field, InputType } from "type-graphql";
import { ChangeAction } from "../entities/record-change.entity";
import { DateTimeScalar } from "./scalars";

/** Conditions on change-history entries; every condition given must hold. */
@InputType("ChangeFilter", { description: "Conditions on change-history entries; every condition given must hold." })
export class ChangeFilter {
  @Field(() => String, { nullable: true, description: "Only changes to records of this type, e.g. `Meeting`." })
  recordType?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only changes to the record with this human key (with `recordType`, exactly that record).",
  })
  recordKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only changes made by this actor (an API key's label, `anonymous` or `cli`).",
  })
  actor?: string | null;

  @Field(() => [ChangeAction], { nullable: true, description: "Only changes of these kinds." })
  actions?: ChangeAction[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only changes at or after this instant." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only changes at or before this instant." })
  to?: Date | null;
}
