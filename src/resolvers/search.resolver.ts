import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Source } from "../entities/source.entity";
import { Statement } from "../entities/statement.entity";
import { searchRecords } from "../queries/search";
import { checkSearchText } from "../queries/text-search";
import type { ConnectionResult } from "../schema/connection";
import { SearchHit, SearchHitConnection, SearchResult, SearchType } from "../schema/search";

const ENTITY_OF = { MEETING: Meeting, OUTCOME: Outcome, STATEMENT: Statement, OFFICIAL: Official, SOURCE: Source } as const;

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      "Full-text search across meetings, outcomes, statements, officials and sources, best match first (English and Russian stemming; officials' names also by trigram similarity).",
  })
  search(
    @Arg("query", () => String, { description: 'The words to look for; web-search syntax ("quoted phrase", `or`, `-word`).' })
    query: string,
    @Arg("types", () => [SearchType], { nullable: true, description: "Only these record types; default all." }) types:
      | SearchType[]
      | null,
    @Arg("lang", () => String, {
      nullable: true,
      description: "The language (BCP 47) of the snippets, with fallback to English, then any.",
    })
    lang: string | null,
    @Arg("first", () => Int, { nullable: true, description: "The first n hits (after `after`); default 20, at most 100." }) first:
      | number
      | null,
    @Arg("after", () => String, { nullable: true, description: "Only hits after this cursor." }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<SearchHit>> {
    const text = checkSearchText(query, "query");
    return searchRecords(context.dataSource, {
      query: text,
      types: types ?? null,
      lang: lang ?? null,
      first: first ?? null,
      after: after ?? null,
    });
  }

  @FieldResolver(() => SearchResult, { description: "The record found." })
  async node(@Root() hit: SearchHit, @Ctx() context: RequestContext): Promise<typeof SearchResult> {
    const record = await context.loaders.records.byId<typeof SearchResult>(ENTITY_OF[hit.type]).load(hit.recordId);
    if (!record) throw new Error(`search hit ${hit.type} ${hit.recordId} vanished`);
    return record;
  }
}
