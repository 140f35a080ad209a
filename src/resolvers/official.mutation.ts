import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Official } from "../entities/official.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateOfficialInput, UpdateOfficialInput } from "../schema/official.input";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateOfficialArgs {
  @Field(() => String, { description: "Which Official: the official's slug." })
  slug: string;

  @Field(() => UpdateOfficialInput, { description: "The changes; fields left out keep their values." })
  input: UpdateOfficialInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteOfficialArgs {
  @Field(() => String, { description: "Which Official: the official's slug." })
  slug: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Official is still at this version." })
  expectedVersion?: number | null;
}

/** createOfficial, updateOfficial, deleteOfficial: each one transaction, each recorded in the change history. */
@Resolver()
export class OfficialMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Official, { description: "Creates a Official; BAD_USER_INPUT lists every problem of the input with its path." })
  createOfficial(
    @Arg("input", () => CreateOfficialInput, { validate: false, description: "The new Official." }) input: CreateOfficialInput,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) => writeEntry(write, "Official", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Official, {
    description:
      "Changes a Official; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateOfficial(
    @Args(() => UpdateOfficialArgs, { validate: false }) args: UpdateOfficialArgs,
    @Ctx() context: RequestContext,
  ): Promise<Official> {
    return writeAs(context, (write) =>
      writeEntry(write, "Official", args.input, { key: args.slug, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Official. Its positions go with it. Refused with CONFLICT while statements or participations refer to them, unless `cascade` (statements are deleted, participations removed).",
  })
  deleteOfficial(
    @Args(() => DeleteOfficialArgs, { validate: false }) args: DeleteOfficialArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Official", args.slug, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
