import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Coalition } from "../entities/coalition.entity";
import { State } from "../entities/state.entity";
import { Topic } from "../entities/topic.entity";
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
 * coalition, topic and state come with the counts (each distinct record once, shared by its groups), so every
 * field is a plain property: `simpleResolvers` lets graphql-js read them without a resolver call or a promise
 * per group, which is what a large answer (thousands of groups) costs most.
 */
@ObjectType("MeetingCount", {
  description: "How many meetings fall in one group; only the dimensions asked for are set.",
  simpleResolvers: true,
})
export class MeetingCount {
  @Field(() => Int, { description: "The number of distinct meetings in the group." })
  count: number;

  @Field(() => Int, { nullable: true, description: "The year (dimension YEAR)." })
  year: number | null = null;

  @Field(() => String, { nullable: true, description: "The month as `YYYY-MM` (dimension MONTH)." })
  month: string | null = null;

  @Field(() => MeetingLevel, { nullable: true, description: "The level (dimension LEVEL)." })
  level: MeetingLevel | null = null;

  @Field(() => MeetingFormat, { nullable: true, description: "The format (dimension FORMAT)." })
  format: MeetingFormat | null = null;

  @Field(() => MeetingStatus, { nullable: true, description: "The status (dimension STATUS)." })
  status: MeetingStatus | null = null;

  @Field(() => Coalition, {
    nullable: true,
    description: "The coalition (dimension COALITION); null for bilateral meetings.",
  })
  coalition: Coalition | null = null;

  @Field(() => Topic, {
    nullable: true,
    description: "The topic as tagged (dimension TOPIC); null for meetings with no topic.",
  })
  topic: Topic | null = null;

  @Field(() => State, {
    nullable: true,
    description: "A state a participant represented (dimension STATE); null for meetings where none did.",
  })
  state: State | null = null;

  constructor(count: number) {
    this.count = count;
  }
}
