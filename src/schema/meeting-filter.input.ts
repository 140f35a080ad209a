import { Field, InputType } from "type-graphql";

/** STUB (owned by the filters engineer): the contract's MeetingFilter. Every condition given must hold. */
@InputType("MeetingFilter", { description: "Conditions on meetings; every condition given must hold." })
export class MeetingFilter {
  @Field(() => [String], { nullable: true, description: "The meeting belongs to any of these coalition slugs." })
  coalitions?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "The meeting discussed any of these topics or any of their descendants.",
  })
  topics?: string[];
}
