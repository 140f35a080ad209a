import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Official } from "../entities/official.entity";
import { PositionInput } from "../schema/position.input";
import { DateScalar } from "../schema/scalars";
import { addPosition, endPosition, removePosition } from "../writes/official-positions";
import { writeAs } from "../writes/write-context";

const EXPECTED_VERSION = {
  nullable: true,
  description: "When given, CONFLICT unless the official is still at this version. The official's version goes up by one.",
};

/** Nested writes on an official's positions, without rewriting the official. */
@Resolver()
export class OfficialPositionsMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Adds a position (a post held) to an official." })
  addPosition(
    @Arg("official", () => String, { description: "The official's slug." }) official: string,
    @Arg("input", () => PositionInput, { validate: false, description: "The position." }) input: PositionInput,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => addPosition(write, official, input, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Ends a position on a day (sets its `until`)." })
  endPosition(
    @Arg("position", () => ID, { description: "The position's global id." }) position: string,
    @Arg("until", () => DateScalar, { description: "The last day in the post." }) until: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => endPosition(write, position, until, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Deletes a position recorded in error, with its citations." })
  removePosition(
    @Arg("position", () => ID, { description: "The position's global id." }) position: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => removePosition(write, position, expectedVersion));
  }
}
