import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { Source } from "../entities/source.entity";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Citation)
export class CitationResolver extends RecordResolver(Citation, "Citation") {
  @FieldResolver(() => Source, { description: "The source cited." })
  async source(@Root() citation: Citation, @Ctx() context: RequestContext): Promise<Source> {
    return required(await context.loaders.records.byId(Source).load(citation.sourceId), "Source", citation.sourceId);
  }
}
