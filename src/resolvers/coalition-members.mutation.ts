import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Coalition } from "../entities/coalition.entity";
import { MembershipInput } from "../schema/membership.input";
import { DateScalar } from "../schema/scalars";
import { addMembership, endMembership, removeMembership } from "../writes/coalition-members";
import { writeAs } from "../writes/write-context";

@ArgsType()
class AddMembershipArgs {
  @Field(() => String, { description: "The coalition's slug." })
  coalition: string;

  @Field(() => MembershipInput, { description: "The membership." })
  input: MembershipInput;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the coalition is still at this version. The coalition's version goes up by one.",
  })
  expectedVersion?: number | null;
}

@ArgsType()
class EndMembershipArgs {
  @Field(() => ID, { description: "The membership's global id." })
  membership: string;

  @Field(() => DateScalar, { description: "The last day of the membership." })
  until: string;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the coalition is still at this version. The coalition's version goes up by one.",
  })
  expectedVersion?: number | null;
}

@ArgsType()
class RemoveMembershipArgs {
  @Field(() => ID, { description: "The membership's global id." })
  membership: string;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the coalition is still at this version. The coalition's version goes up by one.",
  })
  expectedVersion?: number | null;
}

/** Nested writes on a coalition's memberships, without rewriting the coalition. */
@Resolver()
export class CoalitionMembersMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, { description: "Adds a membership to a coalition." })
  addMembership(
    @Args(() => AddMembershipArgs, { validate: false }) args: AddMembershipArgs,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => addMembership(write, args.coalition, args.input, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, { description: "Ends a membership on a day (sets its `until`)." })
  endMembership(
    @Args(() => EndMembershipArgs, { validate: false }) args: EndMembershipArgs,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => endMembership(write, args.membership, args.until, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, { description: "Deletes a membership recorded in error, with its citations." })
  removeMembership(
    @Args(() => RemoveMembershipArgs, { validate: false }) args: RemoveMembershipArgs,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => removeMembership(write, args.membership, args.expectedVersion));
  }
}
