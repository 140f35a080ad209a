import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import type { RecordBase } from "../entities/record-base";
import { badInput } from "../errors";
import { fromGlobalId } from "../schema/global-id";
import { Node } from "../schema/node.interface";
import { recordTypes } from "../schema/record-types";

const MAX_NODES = 100;

/** Relay object identification: any record by its global id. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "The record with this global id, or null when there is none." })
  node(
    @Arg("id", () => ID, { description: "A global id, as returned in any record's `id`." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<RecordBase | null> {
    return loadNode(id, context);
  }

  @Query(() => [Node], {
    nullable: "items",
    description: "The records with these global ids, in the order given; null for each id that names no record.",
  })
  nodes(
    @Arg("ids", () => [ID], { description: `Global ids (at most ${MAX_NODES}).` }) ids: string[],
    @Ctx() context: RequestContext,
  ): Promise<(RecordBase | null)[]> {
    if (ids.length > MAX_NODES)
      throw badInput([{ path: "ids", message: `at most ${MAX_NODES} ids may be asked at once (got ${ids.length})` }]);
    return Promise.all(ids.map((id) => loadNode(id, context)));
  }
}

async function loadNode(globalId: string, context: RequestContext): Promise<RecordBase | null> {
  const decoded = fromGlobalId(globalId);
  const recordType = decoded && Object.hasOwn(recordTypes, decoded.typeName) ? recordTypes[decoded.typeName] : undefined;
  if (!decoded || !recordType) return null;
  return context.loaders.records.byId(recordType).load(decoded.id);
}
