import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Source } from "../entities/source.entity";
import { Statement } from "../entities/statement.entity";
import { selectsField } from "../queries/projection/connection-node-projection";
import { searchRecords } from "../queries/search";
import { selectedNodeFields } from "../queries/selected-node-fields";
import { checkSearchText } from "../queries/text-search";
import type { ConnectionResult } from "../schema/connection";
import { SearchHit, SearchHitConnection, SearchResult } from "../schema/search";
import { SearchArgs } from "../schema/search-args";

const ENTITY_OF = { MEETING: Meeting, OUTCOME: Outcome, STATEMENT: Statement, OFFICIAL: Official, SOURCE: Source } as const;

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      "Full-text search across meetings, outcomes, statements, officials and sources, best match first (English and Russian stemming; officials' names also by trigram similarity).",
  })
  search(
    @Args() { query, types, lang, first, after }: SearchArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<SearchHit>> {
    const text = checkSearchText(query, "query");
    return searchRecords(context.dataSource, {
      query: text,
      types: types ?? null,
      lang: lang ?? null,
      first: first ?? null,
      after: after ?? null,
      withTotal: selectsField(info, "totalCount"),
      withSnippet: selectedNodeFields(info).has("snippet"),
    });
  }

  @FieldResolver(() => SearchResult, { description: "The record found." })
  async node(@Root() hit: SearchHit, @Ctx() context: RequestContext): Promise<typeof SearchResult> {
    const record = await context.loaders.records.byId<typeof SearchResult>(ENTITY_OF[hit.type]).load(hit.recordId);
    if (!record) throw new Error(`search hit ${hit.type} ${hit.recordId} vanished`);
    return record;
  }
}
