import { Field, InputType, registerEnumType } from "type-graphql";
import { OrderDirection } from "./order-direction";

/** What meetings can be sorted by. */
export enum MeetingOrderField {
  DATE = "DATE",
  TITLE = "TITLE",
  CREATED_AT = "CREATED_AT",
}

registerEnumType(MeetingOrderField, {
  name: "MeetingOrderField",
  description: "What meetings can be sorted by.",
  valuesConfig: {
    DATE: { description: "The meeting's date; meetings with no date come last in either direction." },
    TITLE: { description: "The English title (else the title in the first language held)." },
    CREATED_AT: { description: "When the record was created." },
  },
});

/** The order of a meetings list; ties always break by slug ascending. */
@InputType("MeetingOrder", { description: "How to sort meetings; ties break by slug ascending." })
export class MeetingOrder {
  @Field(() => MeetingOrderField, { defaultValue: MeetingOrderField.DATE, description: "What to sort by (default DATE)." })
  field: MeetingOrderField = MeetingOrderField.DATE;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: "Which way (default DESC)." })
  direction: OrderDirection = OrderDirection.DESC;
}
