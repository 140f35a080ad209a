import { Field, InputType } from "type-graphql";
import { CitationInput } from "./citation.input";
import { LocalizedStringInput } from "./localized-string.input";
import { DateScalar } from "./scalars";

@InputType("PositionInput", { description: "A post an official held over a period." })
export class PositionInput {
  @Field(() => [LocalizedStringInput], { description: "The post's title, e.g. Chief of the Defence Staff." })
  title: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The organization the post belongs to." })
  organization?: LocalizedStringInput[] | null;

  @Field(() => String, { nullable: true, description: "The code of the state the post serves (it must exist)." })
  state?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the official took the post." })
  since?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When they left it (null: still in post)." })
  until?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Sources for the position." })
  sources?: CitationInput[] | null;
}
