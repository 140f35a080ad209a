import { Args, Authorized, type ClassType, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Role } from "../auth/role";
import { isKeyHolder } from "../auth/viewer";
import type { RequestContext } from "../context";
import type { RecordBase } from "../entities/record-base";
import { RecordChange } from "../entities/record-change.entity";
import { RECORD_ENTITIES } from "../entities/record-entities";
import { RECORD_TYPE_NAMES, type RecordTypeName } from "../entities/record-tables";
import { filteredChanges, recordHistory } from "../history/history-page";
import type { ConnectionResult } from "../schema/connection";
import { toGlobalId } from "../schema/global-id";
import { ChangesArgs, HistoryArgs, RecordChangeConnection } from "../schema/record-change-connection";

/** Adds `history(first, after)` to one record type. */
function HistoryResolver<T extends RecordBase>(recordType: ClassType<T>, typeName: RecordTypeName) {
  @Resolver(() => recordType)
  class HistoryResolverBase {
    @FieldResolver(() => RecordChangeConnection, {
      description: "Every change made to this record (and its parts), newest first: who, when, and the values before and after.",
    })
    history(
      @Root() record: T,
      @Args() args: HistoryArgs,
      @Ctx() context: RequestContext,
    ): Promise<ConnectionResult<RecordChange>> {
      return recordHistory(context, typeName, record.id, args);
    }
  }
  return HistoryResolverBase;
}

/** `history` on every record type (`RECORDS`), one resolver class each. */
export const historyResolvers = RECORD_TYPE_NAMES.map((typeName) =>
  HistoryResolver<RecordBase>(RECORD_ENTITIES[typeName], typeName),
);

/** The fields of a history entry that are computed, and the root `changes` query for administrators. */
@Resolver(() => RecordChange)
export class RecordChangeResolver {
  @FieldResolver(() => ID, { description: "The entry's opaque identifier." })
  id(@Root() entry: RecordChange): string {
    return toGlobalId("RecordChange", entry.id);
  }

  @FieldResolver(() => ID, { description: "The changed record's global id (it no longer resolves once the record is deleted)." })
  recordId(@Root() entry: RecordChange): string {
    return toGlobalId(entry.recordType, entry.recordId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Who made it: the API key's label, or `anonymous` / `cli` for writes without a key; shown to API key holders only (null for anonymous clients).",
  })
  actor(@Root() entry: RecordChange, @Ctx() context: RequestContext): string | null {
    return isKeyHolder(context.viewer) ? entry.actor : null;
  }

  @FieldResolver(() => [String], { description: "The top-level fields whose values differ between `before` and `after`." })
  changedFields(@Root() entry: RecordChange): string[] {
    const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
    return [...keys]
      .filter((key) => JSON.stringify(entry.before?.[key] ?? null) !== JSON.stringify(entry.after?.[key] ?? null))
      .sort();
  }

  @Authorized(Role.ADMIN)
  @Query(() => RecordChangeConnection, { description: "The change history of every record, newest first (ADMIN)." })
  changes(
    @Args(() => ChangesArgs) { filter, ...page }: ChangesArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<RecordChange>> {
    return filteredChanges(context.dataSource, filter, page);
  }
}
