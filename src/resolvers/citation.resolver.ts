import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { Source } from "../entities/source.entity";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Citation)
export class CitationResolver extends RecordResolver(Citation, "Citation") {
  @FieldResolver(() => Source, { description: "The source cited." })
  source(
    @Root() citation: Citation | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Source | Promise<Source> {
    if (isProjected(citation)) return projectedValue(citation, info);
    const { sourceId } = citation;
    return context.loaders.records
      .byId(Source)
      .load(sourceId)
      .then((row) => required(row, "Source", sourceId));
  }
}
