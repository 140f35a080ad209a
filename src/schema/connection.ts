import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info";

/** One item of a page with its cursor. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection resolver returns; `totalCount` is a getter, so it is counted only when selected. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * A Relay connection type for one record type: `<Name>Connection { edges { cursor node } nodes pageInfo totalCount }`
 * with its `<Name>Edge`. Usage: `@ObjectType("MeetingConnection", ...) class MeetingConnection extends Connection(Meeting, "Meeting") {}`.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with its cursor.`, simpleResolvers: true })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: "An opaque cursor: pass it as `after` or `before` to page from this item." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionType implements ConnectionResult<T> {
    @Field(() => [EdgeType], { description: "The items of this page with their cursors." })
    edges: EdgeType[];

    @Field(() => [nodeType], { description: "The items of this page (the same as `edges { node }`)." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Where this page sits in the whole list." })
    pageInfo: PageInfo;

    // A resolver (not simple): graphql-jit awaits a promise only from a field that has one.
    @Field(() => Int, {
      simple: false,
      description: "How many items the whole list holds (every page together); counted only when asked.",
    })
    totalCount: Promise<number>;
  }
  return ConnectionType;
}

/**
 * The connection type of a record type's lists, `<Name>Connection`: one call per type, e.g.
 * `const StateConnection = RecordConnection(State, "State", "states")` (type-graphql's generic types).
 */
export function RecordConnection<T extends object>(nodeType: ClassType<T>, name: string, plural: string) {
  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${plural} (Relay connection).` })
  class RecordConnectionType extends Connection(nodeType, name) {}
  return RecordConnectionType;
}
