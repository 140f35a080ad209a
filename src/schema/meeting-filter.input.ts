import { Field, InputType, Int } from "type-graphql";
import { MeetingFormat, MeetingLevel, MeetingStatus, SourceKind } from "./enums";
import { DateScalar } from "./scalars";

/**
 * The contract's MeetingFilter. Every condition given must hold; a list condition holds when the meeting matches
 * any of its values (so an empty list matches nothing). Unknown slugs or codes are a BAD_USER_INPUT error naming them.
 */
@InputType("MeetingFilter", {
  description:
    "Conditions on meetings; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs or codes are a BAD_USER_INPUT error naming them.",
})
export class MeetingFilter {
  @Field(() => [String], { nullable: true, description: "The meeting belongs to any of these coalitions (slugs)." })
  coalitions?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The meeting discussed any of these topics (slugs) or any of their descendants, at any depth.",
  })
  topics?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "A participant represented any of these states (ISO 3166-1 alpha-2 codes, e.g. `FR`).",
  })
  states?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Any of these officials (slugs) took part." })
  officials?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Inclusive lower bound on `date`. Meetings with no date never match. A date known only to a month or year stands for that whole period and matches when the period ends on or after this day ("January 2026" matches `from: 2026-01-20`).',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Inclusive upper bound on `date`. Meetings with no date never match. A date known only to a month or year matches when its period starts on or before this day ("January 2026" matches `to: 2026-01-05`).',
  })
  to?: string | null;

  @Field(() => [MeetingFormat], {
    nullable: true,
    description: "The meeting's format is any of these (meetings with no format never match).",
  })
  formats?: MeetingFormat[] | null;

  @Field(() => [MeetingLevel], {
    nullable: true,
    description: "The meeting's level is any of these (meetings with no level never match).",
  })
  levels?: MeetingLevel[] | null;

  @Field(() => [MeetingStatus], { nullable: true, description: "The meeting's status is any of these." })
  statuses?: MeetingStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The meeting's location country is any of these state codes (meetings with no location never match).",
  })
  locatedIn?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text match on the title, the summary and the outcomes\' summaries, in every language held (English and Russian stemming; other languages word by word). Web-search syntax: "quoted phrase", `or`, `-word`.',
  })
  text?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The meeting itself cites at least this many distinct sources (its `sources` list; citations on its outcomes and statements do not count).",
  })
  minSources?: number | null;

  @Field(() => [SourceKind], {
    nullable: true,
    description: "The meeting itself cites at least one source of any of these kinds (its `sources` list, as for `minSources`).",
  })
  sourceKinds?: SourceKind[] | null;

  @Field(() => [MeetingFilter], { nullable: true, description: "Every one of these filters holds (an empty list always holds)." })
  and?: MeetingFilter[] | null;

  @Field(() => [MeetingFilter], {
    nullable: true,
    description: "At least one of these filters holds (an empty list never holds).",
  })
  or?: MeetingFilter[] | null;

  @Field(() => MeetingFilter, { nullable: true, description: "This filter does not hold." })
  not?: MeetingFilter | null;
}
