import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Coalition } from "../entities/coalition.entity";
import { MembershipInput } from "../schema/membership.input";
import { DateScalar } from "../schema/scalars";
import { addMembership, endMembership, removeMembership } from "../writes/coalition-members";
import { writeAs } from "../writes/write-context";

const EXPECTED_VERSION = {
  nullable: true,
  description: "When given, CONFLICT unless the coalition is still at this version. The coalition's version goes up by one.",
};

/** Nested writes on a coalition's memberships, without rewriting the coalition. */
@Resolver()
export class CoalitionMembersMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, { description: "Adds a membership to a coalition." })
  addMembership(
    @Arg("coalition", () => String, { description: "The coalition's slug." }) coalition: string,
    @Arg("input", () => MembershipInput, { validate: false, description: "The membership." }) input: MembershipInput,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => addMembership(write, coalition, input, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, { description: "Ends a membership on a day (sets its `until`)." })
  endMembership(
    @Arg("membership", () => ID, { description: "The membership's global id." }) membership: string,
    @Arg("until", () => DateScalar, { description: "The last day of the membership." }) until: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => endMembership(write, membership, until, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, { description: "Deletes a membership recorded in error, with its citations." })
  removeMembership(
    @Arg("membership", () => ID, { description: "The membership's global id." }) membership: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => removeMembership(write, membership, expectedVersion));
  }
}
