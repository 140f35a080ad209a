import { Field, InputType } from "type-graphql";

/** STUB (FILTER helper): conditions on sources; fields are being filled in. */
@InputType("SourceFilter", { description: "Conditions on sources; every condition given must hold." })
export class SourceFilter {
  @Field(() => [SourceFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: SourceFilter[] | null;

  @Field(() => [SourceFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: SourceFilter[] | null;

  @Field(() => SourceFilter, { nullable: true, description: "This filter does not hold." })
  not?: SourceFilter | null;
}
