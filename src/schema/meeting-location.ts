import { Field, ObjectType } from "type-graphql";

/** Where a meeting took place; `country` is resolved through the state loader (location.resolver.ts). */
@ObjectType("MeetingLocation", { description: "Where a meeting took place or is planned.", simpleResolvers: true })
export class MeetingLocation {
  @Field(() => String, { nullable: true, description: "The city, when known." })
  city: string | null;

  /** Internal id of the country's State row. */
  countryId: number | null;
}
