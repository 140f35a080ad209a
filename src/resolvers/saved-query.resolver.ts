import type { GraphQLResolveInfo } from "graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/role";
import { isKeyHolder } from "../auth/viewer";
import type { RequestContext } from "../context";
import { SavedQuery } from "../entities/saved-query.entity";
import { SavedQueryVersion } from "../entities/saved-query-version.entity";
import { badInput } from "../errors";
import { formattedError } from "../plugins/error-masking";
import { checkSavedDocument } from "../saved-queries/document-check";
import { prepareRun } from "../saved-queries/run-saved-query";
import { isVisible, listSavedQueries, savedQueryVisibility } from "../saved-queries/saved-query-list";
import { savedQueryLoaders } from "../saved-queries/saved-query-loaders";
import { deleteSavedQuery, findSavedQuery, saveQuery, setSavedQueryApproval } from "../saved-queries/saved-query-store";
import type { ConnectionResult } from "../schema/connection";
import { DeleteRecordPayload } from "../schema/delete-result";
import { toGlobalId } from "../schema/global-id";
import { RunSavedQueryArgs, SavedQueryListArgs, SaveQueryArgs } from "../schema/saved-query.input";
import { SavedQueryConnection } from "../schema/saved-query-connection";
import { RecordResolver } from "./record.resolver";

/** The REST path of a saved query. */
export function savedQueryRestPath(name: string): string {
  return `/saved/${encodeURIComponent(name)}`;
}

/** An API key's label, for key holders only (anonymous clients get null). */
async function keyLabel(context: RequestContext, apiKeyId: number | null): Promise<string | null> {
  if (apiKeyId === null || !isKeyHolder(context.viewer)) return null;
  return savedQueryLoaders(context).keyLabels.load(apiKeyId);
}

@Resolver(() => SavedQuery)
export class SavedQueryResolver extends RecordResolver(SavedQuery, "SavedQuery") {
  @Query(() => SavedQuery, {
    nullable: true,
    description:
      "The saved query with this name, or null when there is none (under SAFELIST, anonymous and READER clients see approved ones and their own only).",
  })
  async savedQuery(
    @Arg("name", () => String, { description: "The saved query's name." }) name: string,
    @Ctx() context: RequestContext,
  ): Promise<SavedQuery | null> {
    const savedQuery = await context.dataSource.getRepository(SavedQuery).findOneBy({ name });
    return savedQuery && isVisible(savedQuery, savedQueryVisibility(context)) ? savedQuery : null;
  }

  @Query(() => SavedQueryConnection, {
    description:
      "Saved queries, by name (Relay connection), optionally searched (under SAFELIST, anonymous and READER clients see approved ones and their own only).",
  })
  savedQueries(
    @Args() { search, ...paging }: SavedQueryListArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<SavedQuery>> {
    return listSavedQueries(context.dataSource, search, savedQueryVisibility(context), paging);
  }

  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Runs a saved query with these variables (over its saved defaults) and returns the result's `data`. The document runs through the same validation, limits and SAFELIST rules as a request sending it; its estimated nodes count toward this request's limit; a saved query may not run another.",
  })
  async runSavedQuery(
    // No class-validator pass: a JSON literal arrives as a null-prototype object, which it refuses.
    @Args(() => RunSavedQueryArgs, { validate: false }) { name, variables }: RunSavedQueryArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown> | null> {
    if (context.insideSavedQuery !== null) {
      throw badInput([
        { path: "runSavedQuery", message: `saved query "${context.insideSavedQuery}" may not run another saved query` },
      ]);
    }
    if (!context.savedQueryPipeline) throw new Error("runSavedQuery needs the server's request pipeline");
    const savedQuery = await findSavedQuery(context.dataSource, name, savedQueryVisibility(context));
    const prepared = prepareRun(info.schema, savedQuery, variables ?? null);
    const { data, errors } = await context.savedQueryPipeline(savedQuery, prepared.variables, context);
    const [firstError] = errors ?? [];
    if (firstError) throw formattedError(firstError);
    return data;
  }

  @Authorized()
  @Mutation(() => SavedQuery, {
    description: "Saves a query under a name (any API key; a new version when the name exists, for its owner or an ADMIN only).",
  })
  saveQuery(
    @Args() { input, expectedVersion }: SaveQueryArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SavedQuery> {
    return saveQuery(context.dataSource, info.schema, context.viewer, input, expectedVersion ?? null);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => SavedQuery, {
    description:
      "Approves the current version of a saved query for the SAFELIST, so anonymous and READER clients may run it (ADMIN for any saved query; an EDITOR publishes its own). A later save needs a new approval.",
  })
  approveSavedQuery(
    @Arg("name", () => String, { description: "The saved query's name." }) name: string,
    @Arg("expectedVersion", () => Int, {
      nullable: true,
      description: "Approve only if the saved query is still at this version (CONFLICT otherwise).",
    })
    expectedVersion: number | null | undefined,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SavedQuery> {
    return setSavedQueryApproval(context.dataSource, info.schema, context.viewer, name, true, expectedVersion ?? null);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => SavedQuery, {
    description:
      "Withdraws a saved query's SAFELIST approval: anonymous and READER clients may no longer run it (ADMIN for any saved query; an EDITOR for its own).",
  })
  revokeSavedQueryApproval(
    @Arg("name", () => String, { description: "The saved query's name." }) name: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SavedQuery> {
    return setSavedQueryApproval(context.dataSource, info.schema, context.viewer, name, false);
  }

  @Authorized()
  @Mutation(() => DeleteRecordPayload, { description: "Deletes a saved query and its versions (its owner or an ADMIN only)." })
  async deleteSavedQuery(
    @Arg("name", () => String, { description: "The saved query's name." }) name: string,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    const deleted = await deleteSavedQuery(context.dataSource, context.viewer, name);
    return {
      deletedId: toGlobalId("SavedQuery", deleted.id),
      recordType: "SavedQuery",
      key: deleted.name,
      version: deleted.version,
      cascaded: [],
    };
  }

  @FieldResolver(() => [SavedQueryVersion], { description: "Every saved version, newest first." })
  versions(@Root() savedQuery: SavedQuery, @Ctx() context: RequestContext): Promise<SavedQueryVersion[]> {
    return savedQueryLoaders(context).versionsBySavedQuery.load(savedQuery.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The label of the API key that owns it; shown to API key holders only (null for anonymous clients, and when that key was deleted).",
  })
  async owner(@Root() savedQuery: SavedQuery, @Ctx() context: RequestContext): Promise<string | null> {
    return keyLabel(context, savedQuery.ownerApiKeyId);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the current version is approved for the SAFELIST (anonymous and READER clients may run it when SAFELIST=true).",
  })
  isApproved(@Root() savedQuery: SavedQuery): boolean {
    return savedQuery.approvedVersion === savedQuery.version;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The label of the API key that approved `approvedVersion`; shown to API key holders only (null for anonymous clients, when approved from the CLI, and when that key was deleted).",
  })
  approvedBy(@Root() savedQuery: SavedQuery, @Ctx() context: RequestContext): Promise<string | null> {
    return keyLabel(context, savedQuery.approvedByApiKeyId);
  }

  @FieldResolver(() => String, {
    description: "Where the query runs over REST: `GET` or `POST` this path (`?format=csv` for CSV).",
  })
  restPath(@Root() savedQuery: SavedQuery): string {
    return savedQueryRestPath(savedQuery.name);
  }

  @FieldResolver(() => Boolean, { description: "Whether the document still validates against the current schema." })
  isValid(@Root() savedQuery: SavedQuery, @Info() info: GraphQLResolveInfo): boolean {
    return checkSavedDocument(info.schema, savedQuery.document).length === 0;
  }

  @FieldResolver(() => [String], {
    description: "Why the document no longer validates against the current schema, with line and column (empty when valid).",
  })
  validationErrors(@Root() savedQuery: SavedQuery, @Info() info: GraphQLResolveInfo): string[] {
    return checkSavedDocument(info.schema, savedQuery.document).map((problem) => problem.message);
  }
}

@Resolver(() => SavedQueryVersion)
export class SavedQueryVersionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The label of the API key that saved this version; shown to API key holders only (null for anonymous clients, and when that key was deleted).",
  })
  author(@Root() version: SavedQueryVersion, @Ctx() context: RequestContext): Promise<string | null> {
    return keyLabel(context, version.authorApiKeyId);
  }
}
