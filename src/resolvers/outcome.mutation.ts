import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Outcome } from "../entities/outcome.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateOutcomeInput, UpdateOutcomeInput } from "../schema/outcome.input";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateOutcomeArgs {
  @Field(() => String, { description: "Which Outcome: the outcome's slug." })
  slug: string;

  @Field(() => UpdateOutcomeInput, { description: "The changes; fields left out keep their values." })
  input: UpdateOutcomeInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteOutcomeArgs {
  @Field(() => String, { description: "Which Outcome: the outcome's slug." })
  slug: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Outcome is still at this version." })
  expectedVersion?: number | null;
}

/** createOutcome, updateOutcome, deleteOutcome: each one transaction, each recorded in the change history. */
@Resolver()
export class OutcomeMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Outcome, { description: "Creates a Outcome; BAD_USER_INPUT lists every problem of the input with its path." })
  createOutcome(
    @Arg("input", () => CreateOutcomeInput, { validate: false, description: "The new Outcome." }) input: CreateOutcomeInput,
    @Ctx() context: RequestContext,
  ): Promise<Outcome> {
    return writeAs(context, (write) => writeEntry(write, "Outcome", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Outcome, {
    description:
      "Changes a Outcome; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateOutcome(
    @Args(() => UpdateOutcomeArgs, { validate: false }) args: UpdateOutcomeArgs,
    @Ctx() context: RequestContext,
  ): Promise<Outcome> {
    return writeAs(context, (write) =>
      writeEntry(write, "Outcome", args.input, { key: args.slug, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, { description: "Deletes a Outcome. Its topics, parties and citations go with it." })
  deleteOutcome(
    @Args(() => DeleteOutcomeArgs, { validate: false }) args: DeleteOutcomeArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Outcome", args.slug, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
