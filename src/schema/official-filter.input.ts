import { Field, InputType } from "type-graphql";
import { DateScalar } from "./scalars";

@InputType("OfficialFilter", {
  description:
    "Conditions on officials; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs or codes are a BAD_USER_INPUT error naming them.",
})
export class OfficialFilter {
  @Field(() => [String], { nullable: true, description: "The official's slug is any of these." })
  slugs?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Fuzzy name match in any language held: the name contains this text (case-insensitive), or a word of the name is close to it (trigram word similarity, so `Zelenskyy` finds `Zelensky` and `Зеленский` finds `Владимир Зеленский`).",
  })
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "The official held a post for any of these states (codes). With `post` and `asOf`, one and the same post must satisfy all three.",
  })
  states?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The official held a post whose title, in any language held, contains this text (case-insensitive), e.g. `Chief of the Defence`.",
  })
  post?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The post (matching `states`/`post` when given) was held on this day: since ≤ asOf ≤ until, null bounds open-ended. Alone, it keeps officials who held any post that day.",
  })
  asOf?: string | null;

  @Field(() => [OfficialFilter], {
    nullable: true,
    description: "Every one of these filters holds (an empty list always holds).",
  })
  and?: OfficialFilter[] | null;

  @Field(() => [OfficialFilter], {
    nullable: true,
    description: "At least one of these filters holds (an empty list never holds).",
  })
  or?: OfficialFilter[] | null;

  @Field(() => OfficialFilter, { nullable: true, description: "This filter does not hold." })
  not?: OfficialFilter | null;
}
