import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Coalition } from "../entities/coalition.entity";
import { CreateCoalitionInput, UpdateCoalitionInput } from "../schema/coalition.input";
import { DeleteRecordPayload } from "../schema/delete-result";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateCoalitionArgs {
  @Field(() => String, { description: "Which Coalition: the coalition's slug." })
  slug: string;

  @Field(() => UpdateCoalitionInput, { description: "The changes; fields left out keep their values." })
  input: UpdateCoalitionInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteCoalitionArgs {
  @Field(() => String, { description: "Which Coalition: the coalition's slug." })
  slug: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Coalition is still at this version." })
  expectedVersion?: number | null;
}

/** createCoalition, updateCoalition, deleteCoalition: each one transaction, each recorded in the change history. */
@Resolver()
export class CoalitionMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, {
    description: "Creates a Coalition; BAD_USER_INPUT lists every problem of the input with its path.",
  })
  createCoalition(
    @Arg("input", () => CreateCoalitionInput, { validate: false, description: "The new Coalition." }) input: CreateCoalitionInput,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) => writeEntry(write, "Coalition", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Coalition, {
    description:
      "Changes a Coalition; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateCoalition(
    @Args(() => UpdateCoalitionArgs, { validate: false }) args: UpdateCoalitionArgs,
    @Ctx() context: RequestContext,
  ): Promise<Coalition> {
    return writeAs(context, (write) =>
      writeEntry(write, "Coalition", args.input, { key: args.slug, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Coalition. Its memberships go with it. Refused with CONFLICT while meetings belong to it, unless `cascade` (they are detached from it).",
  })
  deleteCoalition(
    @Args(() => DeleteCoalitionArgs, { validate: false }) args: DeleteCoalitionArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Coalition", args.slug, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
