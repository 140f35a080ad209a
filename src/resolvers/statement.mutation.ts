import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Statement } from "../entities/statement.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateStatementInput, UpdateStatementInput } from "../schema/statement.input";
import { deleteRecord } from "../writes/delete-record";
import { recordIdOf } from "../writes/record-write";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateStatementArgs {
  @Field(() => ID, { description: "Which Statement: the statement's global id." })
  id: string;

  @Field(() => UpdateStatementInput, { description: "The changes; fields left out keep their values." })
  input: UpdateStatementInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteStatementArgs {
  @Field(() => ID, { description: "Which Statement: the statement's global id." })
  id: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Statement is still at this version." })
  expectedVersion?: number | null;
}

/** createStatement, updateStatement, deleteStatement: each one transaction, each recorded in the change history. */
@Resolver()
export class StatementMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Statement, {
    description: "Creates a Statement; BAD_USER_INPUT lists every problem of the input with its path.",
  })
  createStatement(
    @Arg("input", () => CreateStatementInput, { validate: false, description: "The new Statement." }) input: CreateStatementInput,
    @Ctx() context: RequestContext,
  ): Promise<Statement> {
    return writeAs(context, (write) => writeEntry(write, "Statement", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Statement, {
    description:
      "Changes a Statement; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateStatement(
    @Args(() => UpdateStatementArgs, { validate: false }) args: UpdateStatementArgs,
    @Ctx() context: RequestContext,
  ): Promise<Statement> {
    return writeAs(context, (write) =>
      writeEntry(write, "Statement", args.input, {
        key: recordIdOf("Statement", args.id),
        expectedVersion: args.expectedVersion,
      }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, { description: "Deletes a Statement. Its citations go with it." })
  deleteStatement(
    @Args(() => DeleteStatementArgs, { validate: false }) args: DeleteStatementArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Statement", recordIdOf("Statement", args.id), {
        cascade: args.cascade,
        expectedVersion: args.expectedVersion,
      }),
    );
  }
}
