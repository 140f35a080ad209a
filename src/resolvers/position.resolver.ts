import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { pickLocalized } from "../entities/localized-text";
import { Official } from "../entities/official.entity";
import { Position } from "../entities/position.entity";
import { State } from "../entities/state.entity";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Position)
export class PositionResolver extends RecordResolver(Position, "Position") {
  @FieldResolver()
  title(@Root() position: Position, @LangArg() lang: string | null): string | null {
    return pickLocalized(position.title, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The title in every language held." })
  titles(@Root() position: Position): LocalizedString[] {
    return localizedStrings(position.title);
  }

  @FieldResolver()
  organization(@Root() position: Position, @LangArg() lang: string | null): string | null {
    return pickLocalized(position.organization, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The organisation's name in every language held." })
  organizations(@Root() position: Position): LocalizedString[] {
    return localizedStrings(position.organization);
  }

  @FieldResolver(() => Official, { description: "The official who held the post." })
  async official(@Root() position: Position, @Ctx() context: RequestContext): Promise<Official> {
    return required(await context.loaders.records.byId(Official).load(position.officialId), "Official", position.officialId);
  }

  @FieldResolver(() => State, { nullable: true, description: "The state the post serves, if any." })
  state(@Root() position: Position, @Ctx() context: RequestContext): Promise<State | null> {
    return position.stateId === null ? Promise.resolve(null) : context.loaders.records.byId(State).load(position.stateId);
  }

  @FieldResolver(() => [Citation], { description: "The sources that report this post." })
  sources(@Root() position: Position, @Ctx() context: RequestContext): Promise<Citation[]> {
    return context.loaders.citations.position.load(position.id);
  }
}
