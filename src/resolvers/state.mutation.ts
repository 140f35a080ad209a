import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { State } from "../entities/state.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateStateInput, UpdateStateInput } from "../schema/state.input";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateStateArgs {
  @Field(() => String, { description: "Which State: the state's ISO 3166-1 alpha-2 code." })
  code: string;

  @Field(() => UpdateStateInput, { description: "The changes; fields left out keep their values." })
  input: UpdateStateInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteStateArgs {
  @Field(() => String, { description: "Which State: the state's ISO 3166-1 alpha-2 code." })
  code: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the State is still at this version." })
  expectedVersion?: number | null;
}

/** createState, updateState, deleteState: each one transaction, each recorded in the change history. */
@Resolver()
export class StateMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => State, { description: "Creates a State; BAD_USER_INPUT lists every problem of the input with its path." })
  createState(
    @Arg("input", () => CreateStateInput, { validate: false, description: "The new State." }) input: CreateStateInput,
    @Ctx() context: RequestContext,
  ): Promise<State> {
    return writeAs(context, (write) => writeEntry(write, "State", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => State, {
    description:
      "Changes a State; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateState(
    @Args(() => UpdateStateArgs, { validate: false }) args: UpdateStateArgs,
    @Ctx() context: RequestContext,
  ): Promise<State> {
    return writeAs(context, (write) =>
      writeEntry(write, "State", args.input, { key: args.code, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a State. Refused with CONFLICT while memberships, positions, meetings, participants or outcomes refer to it, unless `cascade`.",
  })
  deleteState(
    @Args(() => DeleteStateArgs, { validate: false }) args: DeleteStateArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "State", args.code, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
