import { Field, InputType } from "type-graphql";
import { OutcomeKind, OutcomeStatus } from "./enums";

@InputType("OutcomeFilter", {
  description:
    "Conditions on outcomes; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs or codes are a BAD_USER_INPUT error naming them.",
})
export class OutcomeFilter {
  @Field(() => [String], { nullable: true, description: "The outcome's slug is any of these." })
  slugs?: string[] | null;

  @Field(() => [OutcomeKind], { nullable: true, description: "The outcome's kind is any of these." })
  kinds?: OutcomeKind[] | null;

  @Field(() => [OutcomeStatus], { nullable: true, description: "The outcome's status is any of these." })
  statuses?: OutcomeStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The outcome is tagged with any of these topics (slugs) or any of their descendants, at any depth.",
  })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Any of these states (codes) is a party to the outcome." })
  parties?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The outcome came of any of these meetings (slugs)." })
  meetings?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Full-text match on the summary in every language held (English and Russian stemming). Web-search syntax.",
  })
  text?: string | null;

  @Field(() => [OutcomeFilter], { nullable: true, description: "Every one of these filters holds (an empty list always holds)." })
  and?: OutcomeFilter[] | null;

  @Field(() => [OutcomeFilter], {
    nullable: true,
    description: "At least one of these filters holds (an empty list never holds).",
  })
  or?: OutcomeFilter[] | null;

  @Field(() => OutcomeFilter, { nullable: true, description: "This filter does not hold." })
  not?: OutcomeFilter | null;
}
