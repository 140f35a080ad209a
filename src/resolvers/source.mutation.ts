import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Source } from "../entities/source.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateSourceInput, UpdateSourceInput } from "../schema/source.input";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateSourceArgs {
  @Field(() => String, { description: "Which Source: the source's slug." })
  slug: string;

  @Field(() => UpdateSourceInput, { description: "The changes; fields left out keep their values." })
  input: UpdateSourceInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteSourceArgs {
  @Field(() => String, { description: "Which Source: the source's slug." })
  slug: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Source is still at this version." })
  expectedVersion?: number | null;
}

/** createSource, updateSource, deleteSource: each one transaction, each recorded in the change history. */
@Resolver()
export class SourceMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: "Creates a Source; BAD_USER_INPUT lists every problem of the input with its path." })
  createSource(
    @Arg("input", () => CreateSourceInput, { validate: false, description: "The new Source." }) input: CreateSourceInput,
    @Ctx() context: RequestContext,
  ): Promise<Source> {
    return writeAs(context, (write) => writeEntry(write, "Source", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Source, {
    description:
      "Changes a Source; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateSource(
    @Args(() => UpdateSourceArgs, { validate: false }) args: UpdateSourceArgs,
    @Ctx() context: RequestContext,
  ): Promise<Source> {
    return writeAs(context, (write) =>
      writeEntry(write, "Source", args.input, { key: args.slug, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Source. Refused with CONFLICT while citations or statements refer to it, unless `cascade` (their citations of it are removed).",
  })
  deleteSource(
    @Args(() => DeleteSourceArgs, { validate: false }) args: DeleteSourceArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Source", args.slug, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
