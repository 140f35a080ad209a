import { Field, InputType } from "type-graphql";
import { LocalizedStringInput } from "./localized-string.input";

@InputType("CreateTopicInput", { description: "A new topic of discussion, optionally under a parent topic." })
export class CreateTopicInput {
  @Field(() => String, { description: "The topic's human key." })
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The topic's name, one entry per language." })
  name: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "A longer description, one entry per language." })
  description?: LocalizedStringInput[] | null;

  @Field(() => String, { nullable: true, description: "The slug of the parent topic (it must exist)." })
  parent?: string | null;
}

@InputType("UpdateTopicInput", { description: "Changes to a topic; fields left out keep their values, null clears." })
export class UpdateTopicInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  slug?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The name (replaces every language held)." })
  name?: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The description (replaces it; null clears)." })
  description?: LocalizedStringInput[] | null;

  @Field(() => String, { nullable: true, description: "The parent topic's slug; null makes it a root topic." })
  parent?: string | null;
}
