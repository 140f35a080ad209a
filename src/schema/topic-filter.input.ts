import { Field, InputType } from "type-graphql";

@InputType("TopicFilter", {
  description:
    "Conditions on topics; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs are a BAD_USER_INPUT error naming them.",
})
export class TopicFilter {
  @Field(() => [String], { nullable: true, description: "The topic's slug is any of these." })
  slugs?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The topic lies below any of these topics (slugs), at any depth; the topics named are not included themselves.",
  })
  under?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only top-level topics (no parent); false: only topics that have a parent.",
  })
  roots?: boolean | null;

  @Field(() => String, { nullable: true, description: "The name, in any language held, contains this text (case-insensitive)." })
  name?: string | null;

  @Field(() => [TopicFilter], { nullable: true, description: "Every one of these filters holds (an empty list always holds)." })
  and?: TopicFilter[] | null;

  @Field(() => [TopicFilter], { nullable: true, description: "At least one of these filters holds (an empty list never holds)." })
  or?: TopicFilter[] | null;

  @Field(() => TopicFilter, { nullable: true, description: "This filter does not hold." })
  not?: TopicFilter | null;
}
