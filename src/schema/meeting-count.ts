import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { MeetingFormat, MeetingLevel, MeetingStatus } from "./enums";

/** What meetingCounts groups by (the contract's names). */
export enum MeetingDimension {
  YEAR = "YEAR",
  MONTH = "MONTH",
  COALITION = "COALITION",
  TOPIC = "TOPIC",
  STATE = "STATE",
  LEVEL = "LEVEL",
  FORMAT = "FORMAT",
  STATUS = "STATUS",
}

registerEnumType(MeetingDimension, {
  name: "MeetingDimension",
  description: "A way to group meetings in `meetingCounts`.",
  valuesConfig: {
    YEAR: { description: "The year of the meeting's date (null when the date is unknown)." },
    MONTH: { description: "The month of the date as `YYYY-MM` (null when the date is unknown or known only to the year)." },
    COALITION: { description: "The meeting's coalition (null for bilateral meetings)." },
    TOPIC: { description: "Each topic the meeting is tagged with, as tagged (no roll-up to parents; null when it has none)." },
    STATE: { description: "Each state a participant represented (null when no participant represented a state)." },
    LEVEL: { description: "The meeting's level (null when unknown)." },
    FORMAT: { description: "The meeting's format (null when unknown)." },
    STATUS: { description: "The meeting's status." },
  },
});

/**
 * One group of meetingCounts: the count and the value of each dimension asked for (the others are null). The
 * coalition, topic and state are resolved from their ids through the per-request record loaders.
 */
@ObjectType("MeetingCount", { description: "How many meetings fall in one group; only the dimensions asked for are set." })
export class MeetingCount {
  @Field(() => Int, { description: "The number of distinct meetings in the group." })
  count: number;

  @Field(() => Int, { nullable: true, description: "The year (dimension YEAR)." })
  year: number | null;

  @Field(() => String, { nullable: true, description: "The month as `YYYY-MM` (dimension MONTH)." })
  month: string | null;

  @Field(() => MeetingLevel, { nullable: true, description: "The level (dimension LEVEL)." })
  level: MeetingLevel | null;

  @Field(() => MeetingFormat, { nullable: true, description: "The format (dimension FORMAT)." })
  format: MeetingFormat | null;

  @Field(() => MeetingStatus, { nullable: true, description: "The status (dimension STATUS)." })
  status: MeetingStatus | null;

  coalitionId: number | null;
  topicId: number | null;
  stateId: number | null;
}
