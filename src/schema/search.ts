import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Source } from "../entities/source.entity";
import { Statement } from "../entities/statement.entity";
import { Connection } from "./connection";

/** The record types `search` looks through. */
export enum SearchType {
  MEETING = "MEETING",
  OUTCOME = "OUTCOME",
  STATEMENT = "STATEMENT",
  OFFICIAL = "OFFICIAL",
  SOURCE = "SOURCE",
}

registerEnumType(SearchType, {
  name: "SearchType",
  description: "A kind of record that `search` can find.",
  valuesConfig: {
    MEETING: { description: "Meetings, by title and summary." },
    OUTCOME: { description: "Outcomes, by summary." },
    STATEMENT: { description: "Statements, by their text." },
    OFFICIAL: { description: "Officials, by name (full text, and trigram similarity for misspellings)." },
    SOURCE: { description: "Sources, by title." },
  },
});

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: "A record found by `search`.",
  types: () => [Meeting, Outcome, Statement, Official, Source] as const,
});

/** One ranked hit; `node` is loaded through the per-request record loaders (one statement per type). */
@ObjectType("SearchHit", {
  description: "A record that matched a search, with its rank and a highlighted snippet.",
  simpleResolvers: true,
})
export class SearchHit {
  @Field(() => Float, {
    description:
      "How well the record matches (PostgreSQL ts_rank; for officials at least the trigram word similarity of the name). Higher is better; hits come in descending rank.",
  })
  rank: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The matching text in the language asked (with fallback) as safe HTML: the stored text HTML-escaped (`&`, `<`, `>`, `\"`, `'` as entities), " +
      "the matched words wrapped in <b>…</b>, the only markup it holds; null when the record has no such text.",
  })
  snippet: string | null;

  type: SearchType;
  recordId: number;
  /**
   * The record, when the search statement brought it (`node` selected): the object built from the client's
   * selection, which `node` answers, or the entity, which the search resolver primes the record loaders with.
   */
  record: ObjectLiteral | null;
}

@ObjectType("SearchHitConnection", { description: "A page of search hits, best first.", simpleResolvers: true })
export class SearchHitConnection extends Connection(SearchHit, "SearchHit") {}
