import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Official } from "../entities/official.entity";
import { PositionInput } from "../schema/position.input";
import { DateScalar } from "../schema/scalars";
import { addPosition, endPosition, removePosition } from "../writes/official-positions";
import { writeAs } from "../writes/write-context";

@ArgsType()
class AddPositionArgs {
  @Field(() => String, { description: "The official's slug." })
  official: string;

  @Field(() => PositionInput, { description: "The position." })
  input: PositionInput;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the official is still at this version. The official's version goes up by one.",
  })
  expectedVersion?: number | null;
}

@ArgsType()
class EndPositionArgs {
  @Field(() => ID, { description: "The position's global id." })
  position: string;

  @Field(() => DateScalar, { description: "The last day in the post." })
  until: string;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the official is still at this version. The official's version goes up by one.",
  })
  expectedVersion?: number | null;
}

@ArgsType()
class RemovePositionArgs {
  @Field(() => ID, { description: "The position's global id." })
  position: string;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the official is still at this version. The official's version goes up by one.",
  })
  expectedVersion?: number | null;
}

/** Nested writes on an official's positions, without rewriting the official. */
@Resolver()
export class OfficialPositionsMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Adds a position (a post held) to an official." })
  addPosition(
    @Args(() => AddPositionArgs, { validate: false }) args: AddPositionArgs,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => addPosition(write, args.official, args.input, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Ends a position on a day (sets its `until`)." })
  endPosition(
    @Args(() => EndPositionArgs, { validate: false }) args: EndPositionArgs,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => endPosition(write, args.position, args.until, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Deletes a position recorded in error, with its citations." })
  removePosition(
    @Args(() => RemovePositionArgs, { validate: false }) args: RemovePositionArgs,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => removePosition(write, args.position, args.expectedVersion));
  }
}
