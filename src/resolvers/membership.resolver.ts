import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { Coalition } from "../entities/coalition.entity";
import { Membership } from "../entities/membership.entity";
import { State } from "../entities/state.entity";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Membership)
export class MembershipResolver extends RecordResolver(Membership, "Membership") {
  @FieldResolver(() => Coalition, { description: "The coalition." })
  async coalition(@Root() membership: Membership, @Ctx() context: RequestContext): Promise<Coalition> {
    return required(
      await context.loaders.records.byId(Coalition).load(membership.coalitionId),
      "Coalition",
      membership.coalitionId,
    );
  }

  @FieldResolver(() => State, { description: "The member state." })
  async state(@Root() membership: Membership, @Ctx() context: RequestContext): Promise<State> {
    return required(await context.loaders.records.byId(State).load(membership.stateId), "State", membership.stateId);
  }

  @FieldResolver(() => [Citation], { description: "The sources that report this membership." })
  sources(@Root() membership: Membership, @Ctx() context: RequestContext): Promise<Citation[]> {
    return context.loaders.citations.membership.load(membership.id);
  }
}
