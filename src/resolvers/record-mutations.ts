import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  type ClassType,
  Ctx,
  Field,
  type FieldOptions,
  ID,
  Int,
  Mutation,
  Resolver,
} from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import type { RecordOf } from "../entities/record-entities";
import type { RecordTypeName } from "../records";
import { DeleteRecordPayload } from "../schema/delete-result";
import { deleteRecord } from "../writes/delete-record";
import { recordIdOf } from "../writes/record-write";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

/** How the mutations of one record type name their record, and what they say. */
export interface RecordMutationsOptions<T extends RecordTypeName> {
  entity: ClassType<RecordOf<T>>;
  create: ClassType;
  update: ClassType;
  /**
   * The argument naming the record: its key column (`slug`, `code`), or `id` (its global id) for a type
   * without one. `description` completes "Which <Type>: …" ("the state's ISO 3166-1 alpha-2 code").
   */
  key: { name: string; description: string };
  /** What `delete<Type>` does to the records that depend on it. */
  deleteDescription: string;
}

type ArgsField = [name: string, type: () => object, options: FieldOptions];

/**
 * An args class with fields named at run time, in the order given (the schema lists arguments in the order
 * their fields were declared: the contract's key, input, expectedVersion).
 */
function argsClass(fields: ArgsField[]): ClassType<Record<string, unknown>> {
  class RecordArgs {}
  for (const [name, type, options] of fields) Field(type, options)(RecordArgs.prototype, name);
  ArgsType()(RecordArgs);
  return RecordArgs as ClassType<Record<string, unknown>>;
}

/**
 * `create<Type>`, `update<Type>` and `delete<Type>` of one record type: each one transaction through the
 * write pipeline (`writeEntry`, `deleteRecord`), each recorded in the change history.
 */
export function RecordMutations<T extends RecordTypeName>(type: T, options: RecordMutationsOptions<T>) {
  const { entity, create, update, key } = options;
  const byId = key.name === "id";
  const keyField: ArgsField = [key.name, () => (byId ? ID : String), { description: `Which ${type}: ${key.description}.` }];
  const keyOf = (args: Record<string, unknown>): string | number =>
    byId ? recordIdOf(type, args.id as string) : (args[key.name] as string);
  const UpdateArgs = argsClass([
    keyField,
    ["input", () => update, { description: "The changes; fields left out keep their values." }],
    ["expectedVersion", () => Int, { description: "The `version` the change was based on." }],
  ]);
  const DeleteArgs = argsClass([
    keyField,
    ["cascade", () => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." }],
    [
      "expectedVersion",
      () => Int,
      { nullable: true, description: `When given, CONFLICT unless the ${type} is still at this version.` },
    ],
  ]);

  @Resolver()
  class RecordMutationResolver {
    @Authorized(Role.EDITOR)
    @Mutation(() => entity, {
      name: `create${type}`,
      description: `Creates a ${type}; BAD_USER_INPUT lists every problem of the input with its path.`,
    })
    create(
      @Arg("input", () => create, { validate: false, description: `The new ${type}.` }) input: object,
      @Ctx() context: RequestContext,
    ): Promise<RecordOf<T>> {
      return writeAs(context, (write) => writeEntry(write, type, input));
    }

    @Authorized(Role.EDITOR)
    @Mutation(() => entity, {
      name: `update${type}`,
      description: `Changes a ${type}; CONFLICT (with \`extensions.currentVersion\`) when \`expectedVersion\` is stale, and nothing is written.`,
    })
    update(
      @Args(() => UpdateArgs, { validate: false }) args: Record<string, unknown>,
      @Ctx() context: RequestContext,
    ): Promise<RecordOf<T>> {
      return writeAs(context, (write) =>
        writeEntry(write, type, args.input as object, { key: keyOf(args), expectedVersion: args.expectedVersion as number }),
      );
    }

    @Authorized(Role.EDITOR)
    @Mutation(() => DeleteRecordPayload, { name: `delete${type}`, description: options.deleteDescription })
    delete(
      @Args(() => DeleteArgs, { validate: false }) args: Record<string, unknown>,
      @Ctx() context: RequestContext,
    ): Promise<DeleteRecordPayload> {
      return writeAs(context, (write) =>
        deleteRecord(write, type, keyOf(args), {
          cascade: args.cascade as boolean,
          expectedVersion: args.expectedVersion as number | null | undefined,
        }),
      );
    }
  }
  return RecordMutationResolver;
}
