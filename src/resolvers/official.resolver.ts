import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { pickLocalized } from "../entities/localized-text";
import type { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Position } from "../entities/position.entity";
import { Statement } from "../entities/statement.entity";
import { listRecords, orderedByKey } from "../queries/list-records";
import { compileOfficialFilter } from "../queries/official-filter";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { AsOfArg } from "../schema/as-of-args";
import { type ConnectionResult, RecordConnection } from "../schema/connection";
import { ListArgs, MeetingListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { CreateOfficialInput, UpdateOfficialInput } from "../schema/official.input";
import { OfficialFilter } from "../schema/official-filter.input";
import { MeetingConnection } from "../schema/record-connections";
import { NESTED_MEETINGS_DESCRIPTION, nestedMeetings } from "./nested-meetings";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";
import { recordWithMeetings } from "./record-with-meetings";

const OfficialConnection = RecordConnection(Official, "Official", "officials");
const OfficialListArgs = ListArgs(OfficialFilter, "officials");

@Resolver(() => Official)
export class OfficialResolver extends RecordResolver(Official, "Official") {
  @Query(() => Official, { nullable: true, description: "The official with this slug, or null when there is none." })
  official(
    @Arg("slug", () => String, { description: "The official's slug, e.g. `fabien-mandon`." }) slug: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Official | null> {
    return recordWithMeetings("official", Official, { field: "slug", value: slug }, context, info);
  }

  @Query(() => OfficialConnection, { description: "Officials, by slug (Relay connection)." })
  officials(
    @Args(() => OfficialListArgs) { filter, ...paging }: InstanceType<typeof OfficialListArgs>,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<Official>> {
    return listRecords(
      context.dataSource,
      orderedByKey(Official, "r", "Official", "slug"),
      paging,
      filter,
      compileOfficialFilter,
    );
  }

  @FieldResolver()
  name(
    @Root() official: Official | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(official) ? projectedValue(official, info) : pickLocalized(official.name, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The name in every language held." })
  names(@Root() official: Official | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(official)) return projectedValue(official, info);
    return localizedStrings(official.name);
  }

  @FieldResolver(() => [Position], { description: "The posts the official held (on `asOf` when given), earliest first." })
  positions(
    @Root() official: Official | ProjectedObject,
    @AsOfArg() asOf: string | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Position[]> | Position[] {
    if (isProjected(official)) return projectedValue(official, info);
    return context.loaders.positionsByOfficial.load(asOf ?? null, official.id);
  }

  @FieldResolver(() => [Statement], { description: "What the official said, as sources report it, oldest first." })
  statements(@Root() official: Official, @Ctx() context: RequestContext): Promise<Statement[]> {
    return context.loaders.statementsByOfficial.load(official.id);
  }

  @FieldResolver(() => MeetingConnection, {
    description: `Meetings the official took part in, as a ${NESTED_MEETINGS_DESCRIPTION}`,
  })
  meetings(
    @Root() official: Official | ProjectedObject,
    @Args() args: MeetingListArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Meeting>> {
    if (isProjected(official)) return projectedValue(official, info);
    return nestedMeetings("official", official.id, args, context, info);
  }
}

export const OfficialMutationResolver = RecordMutations("Official", {
  entity: Official,
  create: CreateOfficialInput,
  update: UpdateOfficialInput,
  key: { name: "slug", description: "the official's slug" },
  deleteDescription:
    "Deletes a Official. Its positions go with it. Refused with CONFLICT while statements or participations refer to them, unless `cascade` (statements are deleted, participations removed).",
});
