import type { ClassType } from "type-graphql";
import { FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { RecordBase } from "../entities/record-base";
import { toGlobalId } from "../schema/global-id";

/**
 * The base of every record type's resolver: `id` is the Relay global id of the row (`Meeting:7` in
 * base64url), never the internal number. `typeName` is the GraphQL type name, which `node(id:)` decodes.
 */
export function RecordResolver<T extends RecordBase>(recordType: ClassType<T>, typeName: string) {
  @Resolver(() => recordType)
  abstract class RecordResolverBase {
    @FieldResolver(() => ID, { description: "The record's global, opaque identifier; `node(id:)` resolves it." })
    id(@Root() record: T): string {
      return toGlobalId(typeName, record.id);
    }
  }
  return RecordResolverBase;
}
