import { Field, InputType } from "type-graphql";
import { SourceKind } from "./enums";
import { DateScalar } from "./scalars";

@InputType("SourceFilter", {
  description:
    "Conditions on sources; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs are a BAD_USER_INPUT error naming them.",
})
export class SourceFilter {
  @Field(() => [String], { nullable: true, description: "The source's slug is any of these." })
  slugs?: string[] | null;

  @Field(() => [SourceKind], { nullable: true, description: "The source's kind is any of these." })
  kinds?: SourceKind[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The publisher is any of these (exact name, case-insensitive), e.g. `RBC-Ukraine`.",
  })
  publishers?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "The source's language is any of these BCP 47 tags; a bare language (`en`) also matches its regional forms (`en-GB`).",
  })
  languages?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Published on or after this day (UTC). Sources with no publication time never match.",
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Published on or before this day (UTC, the whole day included). Sources with no publication time never match.",
  })
  to?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Full-text match on the title in every language held (English and Russian stemming). Web-search syntax.",
  })
  text?: string | null;

  @Field(() => [SourceFilter], { nullable: true, description: "Every one of these filters holds (an empty list always holds)." })
  and?: SourceFilter[] | null;

  @Field(() => [SourceFilter], {
    nullable: true,
    description: "At least one of these filters holds (an empty list never holds).",
  })
  or?: SourceFilter[] | null;

  @Field(() => SourceFilter, { nullable: true, description: "This filter does not hold." })
  not?: SourceFilter | null;
}
