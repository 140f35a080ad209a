import { Field, ObjectType } from "type-graphql";

/** Relay cursor-connection page information. */
@ObjectType("PageInfo", { description: "Where a page sits in its list (Relay cursor connections).", simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow the last one of this page." })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: "True when items precede the first one of this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the first item of the page; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The cursor of the last item of the page; null when the page is empty." })
  endCursor: string | null;
}
