import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { cachedProjection } from "../queries/projection/cached-projection";
import { connectionItemNodes, selectsField, subfieldNodes } from "../queries/projection/connection-node-projection";
import { isProjected, withTypeName } from "../queries/projection/projected-object";
import { SEARCH_ENTITIES, searchRecords } from "../queries/search";
import { selectedNodeFields } from "../queries/selected-node-fields";
import { checkSearchText } from "../queries/text-search";
import type { ConnectionResult } from "../schema/connection";
import { SearchHit, SearchHitConnection, SearchResult, type SearchType } from "../schema/search";
import { SearchArgs } from "../schema/search-args";

/** The `node` fields of the hits (under `nodes` and `edges { node }`); null when fragments hide them. */
function hitRecordNodes(info: GraphQLResolveInfo): FieldNode[] | null {
  const hits = connectionItemNodes(info);
  return hits && subfieldNodes(hits, "node");
}

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
    const projectRecords = (type: SearchType) => cachedProjection(info, SEARCH_ENTITIES[type].name, "hits", hitRecordNodes);
    const connection = await searchRecords(context.dataSource, {
      query: text,
      types: types ?? null,
      lang: lang ?? null,
      first: first ?? null,
      after: after ?? null,
      withTotal: selectsField(info, "totalCount"),
      withSnippet: hitFields.has("snippet"),
      withRecords: hitFields.has("node"),
      projectRecords,
    });
    // Whole records came with the hits: `node` (and any other field of this request) finds them in the loaders.
    for (const hit of connection.nodes) {
      if (hit.record && !isProjected(hit.record)) {
        context.loaders.records.byId<ObjectLiteral>(SEARCH_ENTITIES[hit.type]).prime(hit.recordId, hit.record);
      }
    }
    return connection;
  }

  @FieldResolver(() => SearchResult, { description: "The record found." })
  async node(@Root() hit: SearchHit, @Ctx() context: RequestContext): Promise<typeof SearchResult> {
    if (isProjected(hit.record)) return withTypeName(hit.record, SEARCH_ENTITIES[hit.type].name) as typeof SearchResult;
    const record = await context.loaders.records.byId<typeof SearchResult>(SEARCH_ENTITIES[hit.type]).load(hit.recordId);
    if (!record) throw new Error(`search hit ${hit.type} ${hit.recordId} vanished`);
    return record;
  }
}
