import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { pickLocalized } from "../entities/localized-text";
import { Official } from "../entities/official.entity";
import { Position } from "../entities/position.entity";
import { State } from "../entities/state.entity";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Position)
export class PositionResolver extends RecordResolver(Position, "Position") {
  @FieldResolver()
  title(
    @Root() position: Position | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(position) ? projectedValue(position, info) : pickLocalized(position.title, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The title in every language held." })
  titles(@Root() position: Position | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(position)) return projectedValue(position, info);
    return localizedStrings(position.title);
  }

  @FieldResolver()
  organization(
    @Root() position: Position | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(position) ? projectedValue(position, info) : pickLocalized(position.organization, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The organisation's name in every language held." })
  organizations(@Root() position: Position | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(position)) return projectedValue(position, info);
    return localizedStrings(position.organization);
  }

  @FieldResolver(() => Official, { description: "The official who held the post." })
  official(
    @Root() position: Position | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Official | Promise<Official> {
    if (isProjected(position)) return projectedValue(position, info);
    const { officialId } = position;
    return context.loaders.records
      .byId(Official)
      .load(officialId)
      .then((row) => required(row, "Official", officialId));
  }

  @FieldResolver(() => State, { nullable: true, description: "The state the post serves, if any." })
  state(
    @Root() position: Position | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): State | null | Promise<State | null> {
    if (isProjected(position)) return projectedValue(position, info);
    return position.stateId === null ? Promise.resolve(null) : context.loaders.records.byId(State).load(position.stateId);
  }

  @FieldResolver(() => [Citation], { description: "The sources that report this post." })
  sources(@Root() position: Position, @Ctx() context: RequestContext): Promise<Citation[]> {
    return context.loaders.citations.position.load(position.id);
  }
}
