import { Field, InputType } from "type-graphql";

/** STUB (FILTER helper): conditions on topics; fields are being filled in. */
@InputType("TopicFilter", { description: "Conditions on topics; every condition given must hold." })
export class TopicFilter {
  @Field(() => [TopicFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: TopicFilter[] | null;

  @Field(() => [TopicFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: TopicFilter[] | null;

  @Field(() => TopicFilter, { nullable: true, description: "This filter does not hold." })
  not?: TopicFilter | null;
}
