import { Field, ID, InterfaceType } from "type-graphql";

/**
 * Relay Global Object Identification: every record type implements Node, and `node(id:)` resolves any of
 * their ids. Implementations resolve `id` with `toGlobalId(<TypeName>, row.id)` (see record.resolver.ts).
 */
@InterfaceType("Node", { description: "A record with a global, opaque identifier that `node(id:)` resolves." })
export abstract class Node {
  @Field(() => ID, { description: "The record's global, opaque identifier." })
  id: string;
}
