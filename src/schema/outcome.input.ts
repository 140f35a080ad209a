import { Field, InputType } from "type-graphql";
import { OutcomeKind, OutcomeStatus } from "../entities/enums";
import "./enums";
import { CitationInput } from "./citation.input";
import { LocalizedStringInput } from "./localized-string.input";

@InputType("CreateOutcomeInput", { description: "A new outcome of a meeting." })
export class CreateOutcomeInput {
  @Field(() => String, { description: "The outcome's human key, unique in the whole database." })
  slug: string;

  @Field(() => String, { description: "The slug of the meeting it came from (it must exist)." })
  meeting: string;

  @Field(() => OutcomeKind, { description: "What kind of outcome it is." })
  kind: OutcomeKind;

  @Field(() => OutcomeStatus, { description: "How far it got." })
  status: OutcomeStatus;

  @Field(() => [LocalizedStringInput], { description: "What was decided, stated or agreed, one entry per language." })
  summary: LocalizedStringInput[];

  @Field(() => [String], { nullable: true, description: "Slugs of the topics it concerns." })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Codes of the states party to it." })
  parties?: string[] | null;

  @Field(() => String, { nullable: true, description: "The slug of the meeting that follows it up." })
  followUpMeeting?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Sources for the outcome." })
  sources?: CitationInput[] | null;
}

@InputType("UpdateOutcomeInput", {
  description: "Changes to an outcome; fields left out keep their values, lists given replace.",
})
export class UpdateOutcomeInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  slug?: string;

  @Field(() => String, { nullable: true, description: "Moves the outcome to another meeting (by slug)." })
  meeting?: string;

  @Field(() => OutcomeKind, { nullable: true, description: "What kind of outcome it is." })
  kind?: OutcomeKind;

  @Field(() => OutcomeStatus, { nullable: true, description: "How far it got." })
  status?: OutcomeStatus;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The summary (replaces every language held)." })
  summary?: LocalizedStringInput[];

  @Field(() => [String], { nullable: true, description: "Replaces the topics." })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the parties." })
  parties?: string[] | null;

  @Field(() => String, { nullable: true, description: "The follow-up meeting's slug (null clears)." })
  followUpMeeting?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Replaces the outcome's citations." })
  sources?: CitationInput[] | null;
}
