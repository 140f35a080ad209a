import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Coalition } from "../entities/coalition.entity";
import { pickLocalized } from "../entities/localized-text";
import type { Meeting } from "../entities/meeting.entity";
import { Membership } from "../entities/membership.entity";
import { compileCoalitionFilter } from "../queries/coalition-filter";
import { listRecords, orderedByKey } from "../queries/list-records";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { AsOfArg } from "../schema/as-of-args";
import { CreateCoalitionInput, UpdateCoalitionInput } from "../schema/coalition.input";
import { CoalitionFilter } from "../schema/coalition-filter.input";
import { type ConnectionResult, RecordConnection } from "../schema/connection";
import { ListArgs, MeetingListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { MeetingConnection } from "../schema/record-connections";
import { NESTED_MEETINGS_DESCRIPTION, nestedMeetings } from "./nested-meetings";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";
import { recordWithMeetings } from "./record-with-meetings";

const CoalitionConnection = RecordConnection(Coalition, "Coalition", "coalitions");
const CoalitionListArgs = ListArgs(CoalitionFilter, "coalitions");

@Resolver(() => Coalition)
export class CoalitionResolver extends RecordResolver(Coalition, "Coalition") {
  @Query(() => Coalition, { nullable: true, description: "The coalition with this slug, or null when there is none." })
  coalition(
    @Arg("slug", () => String, { description: "The coalition's slug, e.g. `coalition-of-the-willing`." }) slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Coalition | null> {
    return recordWithMeetings("coalition", Coalition, { field: "slug", value: slug }, context, info);
  }

  @Query(() => CoalitionConnection, { description: "Coalitions, by slug (Relay connection)." })
  coalitions(
    @Args(() => CoalitionListArgs) { filter, ...paging }: InstanceType<typeof CoalitionListArgs>,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<Coalition>> {
    return listRecords(
      context.dataSource,
      orderedByKey(Coalition, "r", "Coalition", "slug"),
      paging,
      filter,
      compileCoalitionFilter,
    );
  }

  @FieldResolver()
  name(
    @Root() coalition: Coalition | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(coalition) ? projectedValue(coalition, info) : pickLocalized(coalition.name, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The name in every language held." })
  names(@Root() coalition: Coalition | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(coalition)) return projectedValue(coalition, info);
    return localizedStrings(coalition.name);
  }

  @FieldResolver()
  description(
    @Root() coalition: Coalition | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(coalition) ? projectedValue(coalition, info) : pickLocalized(coalition.description, lang);
  }

  @FieldResolver(() => [Membership], { description: "The coalition's member states (on `asOf` when given), earliest first." })
  members(@Root() coalition: Coalition, @AsOfArg() asOf: string | null, @Ctx() context: RequestContext): Promise<Membership[]> {
    return context.loaders.membershipsByCoalition.load(asOf ?? null, coalition.id);
  }

  @FieldResolver(() => MeetingConnection, { description: `The coalition's meetings, as a ${NESTED_MEETINGS_DESCRIPTION}` })
  meetings(
    @Root() coalition: Coalition | ProjectedObject,
    @Args() args: MeetingListArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Meeting>> {
    if (isProjected(coalition)) return projectedValue(coalition, info);
    return nestedMeetings("coalition", coalition.id, args, context, info);
  }
}

export const CoalitionMutationResolver = RecordMutations("Coalition", {
  entity: Coalition,
  create: CreateCoalitionInput,
  update: UpdateCoalitionInput,
  key: { name: "slug", description: "the coalition's slug" },
  deleteDescription:
    "Deletes a Coalition. Its memberships go with it. Refused with CONFLICT while meetings belong to it, unless `cascade` (they are detached from it).",
});
