import { ArgsType, Field, ObjectType } from "type-graphql";
import { Meeting } from "../entities/meeting.entity";
import { RecordChange } from "../entities/record-change.entity";
import { MeetingFilter } from "./meeting-filter.input";

@ObjectType("RecordChangeEvent", {
  description: "One change delivered by a subscription: the history entry, and where to resume after it.",
})
export class RecordChangeEvent {
  @Field(() => String, {
    description:
      "This change's history cursor: pass it as `after` when subscribing again to receive what follows it, and nothing before.",
  })
  cursor: string;

  @Field(() => RecordChange, {
    description: "The change as the history holds it (who made it is shown to API key holders only).",
  })
  change: RecordChange;
}

@ObjectType("MeetingChangeEvent", {
  description: "A meeting created, changed or deleted that matches the subscription's filter.",
})
export class MeetingChangeEvent extends RecordChangeEvent {
  @Field(() => Meeting, {
    nullable: true,
    description: "The meeting as it is now, under your selection; null once deleted (its last state is in `change.before`).",
  })
  meeting: Meeting | null;
}

@ArgsType()
export class RecordChangedArgs {
  @Field(() => [String], {
    nullable: true,
    description: "Only changes to records of these types, e.g. `Meeting`; all types when left out.",
  })
  types?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only changes to records with these human keys (slugs, codes; a Statement's global id); every record when left out.",
  })
  keys?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A history cursor (an event's `cursor`, or one from a `history` connection): first replay every change after it, then go on live. Left out: live changes from now on.",
  })
  after?: string | null;
}

@ArgsType()
export class MeetingsChangedArgs {
  @Field(() => MeetingFilter, {
    nullable: true,
    description:
      "Only meetings matching this filter, as `meetings` applies it (topic descendants included); every meeting when left out.",
  })
  filter?: MeetingFilter | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A history cursor (an event's `cursor`, or one from a `history` connection): first replay every matching change after it, then go on live. Left out: live changes from now on.",
  })
  after?: string | null;
}
