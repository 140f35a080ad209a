import { IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { OutcomeKind, OutcomeStatus } from "../entities/enums";
import "./enums";
import { CitationInput } from "./citation.input";
import {
  LocalizedTextRules,
  OmittableNotNull,
  SLUG_MAX,
  SLUG_MESSAGE,
  SLUG_PATTERN,
  STATE_CODE_MESSAGE,
  STATE_CODE_PATTERN,
} from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";

@InputType("CreateOutcomeInput", { description: "A new outcome of a meeting." })
export class CreateOutcomeInput {
  @Field(() => String, { description: "The outcome's human key, unique in the whole database." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug: string;

  @Field(() => String, { description: "The slug of the meeting it came from (it must exist)." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  meeting: string;

  @Field(() => OutcomeKind, { description: "What kind of outcome it is." })
  kind: OutcomeKind;

  @Field(() => OutcomeStatus, { description: "How far it got." })
  status: OutcomeStatus;

  @Field(() => [LocalizedStringInput], { description: "What was decided, stated or agreed, one entry per language." })
  @LocalizedTextRules()
  summary: LocalizedStringInput[];

  @Field(() => [String], { nullable: true, description: "Slugs of the topics it concerns." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Codes of the states party to it." })
  @IsOptional()
  @Matches(STATE_CODE_PATTERN, { each: true, message: STATE_CODE_MESSAGE })
  parties?: string[] | null;

  @Field(() => String, { nullable: true, description: "The slug of the meeting that follows it up." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  followUpMeeting?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Sources for the outcome." })
  @IsOptional()
  @ValidateNested({ each: true })
  sources?: CitationInput[] | null;
}

@InputType("UpdateOutcomeInput", {
  description: "Changes to an outcome; fields left out keep their values, lists given replace.",
})
export class UpdateOutcomeInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  @OmittableNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug?: string;

  @Field(() => String, { nullable: true, description: "Moves the outcome to another meeting (by slug)." })
  @OmittableNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  meeting?: string;

  @Field(() => OutcomeKind, { nullable: true, description: "What kind of outcome it is." })
  @OmittableNotNull()
  kind?: OutcomeKind;

  @Field(() => OutcomeStatus, { nullable: true, description: "How far it got." })
  @OmittableNotNull()
  status?: OutcomeStatus;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The summary (replaces every language held)." })
  @OmittableNotNull()
  @LocalizedTextRules()
  summary?: LocalizedStringInput[];

  @Field(() => [String], { nullable: true, description: "Replaces the topics." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the parties." })
  @IsOptional()
  @Matches(STATE_CODE_PATTERN, { each: true, message: STATE_CODE_MESSAGE })
  parties?: string[] | null;

  @Field(() => String, { nullable: true, description: "The follow-up meeting's slug (null clears)." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  followUpMeeting?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Replaces the outcome's citations." })
  @IsOptional()
  @ValidateNested({ each: true })
  sources?: CitationInput[] | null;
}
