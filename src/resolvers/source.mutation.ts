import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Source } from "../entities/source.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateSourceInput, UpdateSourceInput } from "../schema/source.input";
import { deleteRecord } from "../writes/delete-record";
import { createSource, updateSource } from "../writes/source";
import { writeAs } from "../writes/write-context";

/** createSource, updateSource, deleteSource: each one transaction, each recorded in the change history. */
@Resolver()
export class SourceMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: "Creates a Source; BAD_USER_INPUT lists every problem of the input with its path." })
  createSource(
    @Arg("input", () => CreateSourceInput, { validate: false, description: "The new Source." }) input: CreateSourceInput,
    @Ctx() context: RequestContext,
  ): Promise<Source> {
    return writeAs(context, (write) => createSource(write, input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Source, {
    description:
      "Changes a Source; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateSource(
    @Arg("slug", () => String, { description: "Which Source: the source's slug." }) slug: string,
    @Arg("input", () => UpdateSourceInput, { validate: false, description: "The changes; fields left out keep their values." })
    input: UpdateSourceInput,
    @Arg("expectedVersion", () => Int, { description: "The `version` the change was based on." }) expectedVersion: number,
    @Ctx() context: RequestContext,
  ): Promise<Source> {
    return writeAs(context, (write) => updateSource(write, slug, input, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Source. Refused with CONFLICT while citations or statements refer to it, unless `cascade` (their citations of it are removed).",
  })
  deleteSource(
    @Arg("slug", () => String, { description: "Which Source: the source's slug." }) slug: string,
    @Arg("cascade", () => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
    cascade: boolean,
    @Arg("expectedVersion", () => Int, {
      nullable: true,
      description: "When given, CONFLICT unless the Source is still at this version.",
    })
    expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) => deleteRecord(write, "Source", slug, { cascade, expectedVersion }));
  }
}
