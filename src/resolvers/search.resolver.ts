import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { selectsField } from "../queries/projection/connection-node-projection";
import { SEARCH_ENTITIES, searchRecords } from "../queries/search";
import { selectedNodeFields } from "../queries/selected-node-fields";
import { checkSearchText } from "../queries/text-search";
import type { ConnectionResult } from "../schema/connection";
import { SearchHit, SearchHitConnection, SearchResult } from "../schema/search";
import { SearchArgs } from "../schema/search-args";

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      "Full-text search across meetings, outcomes, statements, officials and sources, best match first (English and Russian stemming; officials' names also by trigram similarity).",
  })
  async search(
    @Args() { query, types, lang, first, after }: SearchArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<SearchHit>> {
    const text = checkSearchText(query, "query");
    const hitFields = selectedNodeFields(info);
    const connection = await searchRecords(context.dataSource, {
      query: text,
      types: types ?? null,
      lang: lang ?? null,
      first: first ?? null,
      after: after ?? null,
      withTotal: selectsField(info, "totalCount"),
      withSnippet: hitFields.has("snippet"),
      withRecords: hitFields.has("node"),
    });
    // The records came with the hits: `node` (and any other field of this request) finds them in the loaders.
    for (const hit of connection.nodes) {
      if (hit.record) context.loaders.records.byId<ObjectLiteral>(SEARCH_ENTITIES[hit.type]).prime(hit.recordId, hit.record);
    }
    return connection;
  }

  @FieldResolver(() => SearchResult, { description: "The record found." })
  async node(@Root() hit: SearchHit, @Ctx() context: RequestContext): Promise<typeof SearchResult> {
    const record = await context.loaders.records.byId<typeof SearchResult>(SEARCH_ENTITIES[hit.type]).load(hit.recordId);
    if (!record) throw new Error(`search hit ${hit.type} ${hit.recordId} vanished`);
    return record;
  }
}
