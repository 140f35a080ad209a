import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { pickLocalized } from "../entities/localized-text";
import { Membership } from "../entities/membership.entity";
import { Official } from "../entities/official.entity";
import { State } from "../entities/state.entity";
import { AsOfArgs } from "../schema/as-of-args";
import { LocalizedArgs } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { RecordResolver } from "./record.resolver";

@Resolver(() => State)
export class StateResolver extends RecordResolver(State, "State") {
  @Query(() => State, { nullable: true, description: "The state with this ISO 3166-1 alpha-2 code, or null when there is none." })
  state(
    @Arg("code", () => String, { description: "The state's ISO 3166-1 alpha-2 code, e.g. `FR`." }) code: string,
    @Ctx() context: RequestContext,
  ): Promise<State | null> {
    return context.loaders.records.byKey(State, "code").load(code.toUpperCase());
  }

  @FieldResolver(() => String, { description: "The state's name in `lang` (with fallback)." })
  name(@Root() state: State, @Args() { lang }: LocalizedArgs): string | null {
    return pickLocalized(state.name, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The name in every language held." })
  names(@Root() state: State): LocalizedString[] {
    return localizedStrings(state.name);
  }

  @FieldResolver(() => [Membership], { description: "The state's coalition memberships (on `asOf` when given), earliest first." })
  memberships(@Root() state: State, @Args() { asOf }: AsOfArgs, @Ctx() context: RequestContext): Promise<Membership[]> {
    return context.loaders.membershipsByState.load(asOf ?? null, state.id);
  }

  @FieldResolver(() => [Official], {
    description: "The officials who held a post for this state (on `asOf` when given), by slug, each once.",
  })
  officials(@Root() state: State, @Args() { asOf }: AsOfArgs, @Ctx() context: RequestContext): Promise<Official[]> {
    return context.loaders.officialsByState.load(asOf ?? null, state.id);
  }
}
