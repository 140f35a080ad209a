import { Field, InputType } from "type-graphql";
import { DatePrecision, MeetingFormat, MeetingLevel, MeetingStatus } from "../entities/enums";
import "./enums";
import { CitationInput } from "./citation.input";
import { LocalizedStringInput } from "./localized-string.input";
import { LocationInput } from "./location.input";
import { ParticipantInput } from "./participant.input";
import { DateScalar } from "./scalars";

@InputType("CreateMeetingInput", { description: "A new meeting with its participants, topics and sources." })
export class CreateMeetingInput {
  @Field(() => String, { description: "The meeting's human key." })
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The meeting's title, one entry per language." })
  title: LocalizedStringInput[];

  @Field(() => DateScalar, { nullable: true, description: "When it took place (null: unknown)." })
  date?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of the date is known; DAY when left out." })
  datePrecision?: DatePrecision | null;

  @Field(() => MeetingStatus, { description: "Whether it took place." })
  status: MeetingStatus;

  @Field(() => MeetingFormat, { nullable: true, description: "How the participants met." })
  format?: MeetingFormat | null;

  @Field(() => MeetingLevel, { nullable: true, description: "The rank of the participants." })
  level?: MeetingLevel | null;

  @Field(() => LocationInput, { nullable: true, description: "Where it took place." })
  location?: LocationInput | null;

  @Field(() => String, { nullable: true, description: "The coalition's slug (null: a meeting outside any coalition)." })
  coalition?: string | null;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "A summary, one entry per language." })
  summary?: LocalizedStringInput[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: "Who took part." })
  participants?: ParticipantInput[] | null;

  @Field(() => [String], { nullable: true, description: "Slugs of the topics discussed." })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Slugs of the meetings this one follows up on." })
  precededBy?: string[] | null;

  @Field(() => [CitationInput], { nullable: true, description: "Sources for the meeting." })
  sources?: CitationInput[] | null;
}

@InputType("UpdateMeetingInput", {
  description: "Changes to a meeting; fields left out keep their values, null clears, a list given replaces the list.",
})
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  slug?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The title (replaces every language held)." })
  title?: LocalizedStringInput[];

  @Field(() => DateScalar, { nullable: true, description: "When it took place (null: unknown)." })
  date?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of the date is known." })
  datePrecision?: DatePrecision;

  @Field(() => MeetingStatus, { nullable: true, description: "Whether it took place." })
  status?: MeetingStatus;

  @Field(() => MeetingFormat, { nullable: true, description: "How the participants met." })
  format?: MeetingFormat | null;

  @Field(() => MeetingLevel, { nullable: true, description: "The rank of the participants." })
  level?: MeetingLevel | null;

  @Field(() => LocationInput, { nullable: true, description: "Where it took place (null clears)." })
  location?: LocationInput | null;

  @Field(() => String, { nullable: true, description: "The coalition's slug (null: outside any coalition)." })
  coalition?: string | null;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The summary (replaces it; null clears)." })
  summary?: LocalizedStringInput[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: "Replaces every participant (see addParticipant)." })
  participants?: ParticipantInput[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the topics (see addMeetingTopic)." })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the meetings this one follows up on." })
  precededBy?: string[] | null;

  @Field(() => [CitationInput], { nullable: true, description: "Replaces the meeting's citations (see addCitation)." })
  sources?: CitationInput[] | null;
}
