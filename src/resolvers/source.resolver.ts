import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { pickLocalized } from "../entities/localized-text";
import { Source } from "../entities/source.entity";
import { listRecords, orderedByKey } from "../queries/list-records";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { compileSourceFilter } from "../queries/source-filter";
import { type ConnectionResult, RecordConnection } from "../schema/connection";
import { ListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { CreateSourceInput, UpdateSourceInput } from "../schema/source.input";
import { SourceFilter } from "../schema/source-filter.input";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";

const SourceConnection = RecordConnection(Source, "Source", "sources");
const SourceListArgs = ListArgs(SourceFilter, "sources");

@Resolver(() => Source)
export class SourceResolver extends RecordResolver(Source, "Source") {
  @Query(() => Source, { nullable: true, description: "The source with this slug, or null when there is none." })
  source(
    @Arg("slug", () => String, { description: "The source's slug." }) slug: string,
    @Ctx() context: RequestContext,
  ): Promise<Source | null> {
    return context.loaders.records.byKey(Source, "slug").load(slug);
  }

  @Query(() => SourceConnection, { description: "Sources, by slug (Relay connection)." })
  sources(
    @Args(() => SourceListArgs) { filter, ...paging }: InstanceType<typeof SourceListArgs>,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<Source>> {
    return listRecords(context.dataSource, orderedByKey(Source, "r", "Source", "slug"), paging, filter, compileSourceFilter);
  }

  @FieldResolver()
  title(
    @Root() source: Source | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(source) ? projectedValue(source, info) : pickLocalized(source.title, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The title in every language held." })
  titles(@Root() source: Source | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(source)) return projectedValue(source, info);
    return localizedStrings(source.title);
  }
}

export const SourceMutationResolver = RecordMutations("Source", {
  entity: Source,
  create: CreateSourceInput,
  update: UpdateSourceInput,
  key: { name: "slug", description: "the source's slug" },
  deleteDescription:
    "Deletes a Source. Refused with CONFLICT while citations or statements refer to it, unless `cascade` (their citations of it are removed).",
});
