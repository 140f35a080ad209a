import { ArgsType, Field } from "type-graphql";
import { CoalitionFilter } from "./coalition-filter.input";
import { MeetingFilter } from "./meeting-filter.input";
import { MeetingOrder } from "./meeting-order.input";
import { OfficialFilter } from "./official-filter.input";
import { OutcomeFilter } from "./outcome-filter.input";
import { PagingArgs } from "./paging-args";
import { SourceFilter } from "./source-filter.input";
import { StateFilter } from "./state-filter.input";
import { TopicFilter } from "./topic-filter.input";

/** Arguments of every meetings connection (top-level and nested). */
@ArgsType()
export class MeetingListArgs extends PagingArgs {
  @Field(() => MeetingFilter, { nullable: true, description: "Only meetings matching every condition given." })
  filter?: MeetingFilter | null;

  @Field(() => MeetingOrder, { nullable: true, description: "The order (default DATE DESC; ties by slug; no date last)." })
  orderBy?: MeetingOrder | null;
}

@ArgsType()
export class CoalitionListArgs extends PagingArgs {
  @Field(() => CoalitionFilter, { nullable: true, description: "Only coalitions matching every condition given." })
  filter?: CoalitionFilter | null;
}

@ArgsType()
export class StateListArgs extends PagingArgs {
  @Field(() => StateFilter, { nullable: true, description: "Only states matching every condition given." })
  filter?: StateFilter | null;
}

@ArgsType()
export class OfficialListArgs extends PagingArgs {
  @Field(() => OfficialFilter, { nullable: true, description: "Only officials matching every condition given." })
  filter?: OfficialFilter | null;
}

@ArgsType()
export class TopicListArgs extends PagingArgs {
  @Field(() => TopicFilter, { nullable: true, description: "Only topics matching every condition given." })
  filter?: TopicFilter | null;
}

@ArgsType()
export class OutcomeListArgs extends PagingArgs {
  @Field(() => OutcomeFilter, { nullable: true, description: "Only outcomes matching every condition given." })
  filter?: OutcomeFilter | null;
}

@ArgsType()
export class SourceListArgs extends PagingArgs {
  @Field(() => SourceFilter, { nullable: true, description: "Only sources matching every condition given." })
  filter?: SourceFilter | null;
}
