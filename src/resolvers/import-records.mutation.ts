import { GraphQLJSON } from "graphql-scalars";
import { Args, ArgsType, Authorized, Ctx, Field, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { importBundle } from "../import/import-bundle";
import { sectionList } from "../records";
import { ImportResultType } from "../schema/import-result.type";
import { actorOf } from "../writes/write-context";

@ArgsType()
class ImportRecordsArgs {
  @Field(() => GraphQLJSON, {
    description: `The bundle: an object with optional arrays ${sectionList("and")}.`,
  })
  bundle: unknown;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Validate and count only; write nothing." })
  dryRun: boolean;
}

@Resolver()
export class ImportRecordsMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => ImportResultType, {
    description:
      "Imports a record bundle (the format of `npm run import`) in one transaction: upserts by human key, " +
      "each entry a patch (an absent key keeps the stored value, null clears it, a given list replaces the stored one; " +
      "statements are never deleted), or writes nothing and answers BAD_USER_INPUT listing every problem with its JSON path. Recorded in the change history.",
  })
  async importRecords(
    @Args(() => ImportRecordsArgs) { bundle, dryRun }: ImportRecordsArgs,
    @Ctx() context: RequestContext,
  ): Promise<ImportResultType> {
    const result = await importBundle(context.dataSource, bundle, {
      dryRun: dryRun ?? false,
      actor: actorOf(context.viewer),
      log: context.log,
    });
    return {
      ...result,
      byType: Object.entries(result.byType).map(([recordType, counts]) => ({ recordType, ...counts })),
    };
  }
}
