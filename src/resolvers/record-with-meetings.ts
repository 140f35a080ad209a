import {
  type FieldNode,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isObjectType,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields";
import { getArgumentValues } from "graphql/execution/values";
import type { RequestContext } from "../context";
import { ErrorCode } from "../errors";
import type { PageKey } from "../loaders/meeting-connection.loader";
import type { HumanKeyColumn } from "../loaders/record.loader";
import type { RecordEntity } from "../loaders/records-by-key.loader";
import { hydrateRows, type RawRow } from "../queries/hydrate";
import type { MeetingParent } from "../queries/meeting-list";
import { cachedProjection } from "../queries/projection/cached-projection";
import { projectConnectionNodes, selectsField } from "../queries/projection/connection-node-projection";
import type { MeetingListArgs } from "../schema/list-args";
import { nestedMeetings } from "./nested-meetings";

/** A `meetings` field selected on the record a root lookup returns: its nodes, response key, resolve info and page key. */
interface SelectedMeetings {
  fieldNode: FieldNode;
  responseKey: string;
  info: GraphQLResolveInfo;
  key: PageKey;
}

/**
 * A root lookup by human key (`coalition(slug:)`, `state(code:)`, `official(slug:)`) that fetches the record and,
 * when the client selects its `meetings`, the first such page in the same statement, so the question "this
 * coalition's meetings on a topic" costs one statement. When every other field selected on the record can be
 * built in SQL (src/queries/projection), the record comes back as that object, its lists (an official's
 * positions) included, with the page's connection under the `meetings` response key; otherwise as an entity whose
 * nested resolver reads the page fetched here. Arguments the page would reject take the usual path (lookup
 * loader, then the page's own batched statement, which reports the error at its own path).
 */
export async function recordWithMeetings<T extends { id: number }>(
  parent: MeetingParent,
  target: RecordEntity<T>,
  key: { field: HumanKeyColumn; value: string },
  context: RequestContext,
  info: GraphQLResolveInfo,
): Promise<T | null> {
  const lookUp = () => context.loaders.records.byKey(target, key.field).load(key.value);
  const selected = selectedMeetings(parent, info);
  if (!selected) return lookUp();
  const typeName = getNamedType(info.returnType).name;
  const projection = cachedProjection(info, typeName, "objects", (own) => own.fieldNodes, selected.responseKey);
  let found: { id: number; record: RawRow } | null;
  try {
    found = await context.loaders.meetingConnections.recordWithPage(selected.key, key.value, selected.fieldNode, projection);
  } catch (error) {
    if (isInputError(error)) return lookUp();
    throw error;
  }
  if (!found) return null;
  if (projection) return withConnection(found, selected, parent, context) as unknown as T;
  const [record] = hydrateRows(context.dataSource, target, [found.record]);
  context.loaders.records.byKey(target, key.field).prime(key.value, record);
  context.loaders.records.byId(target).prime(record.id, record);
  return record;
}

/**
 * The projected record with its connection under the page's response key, as a thenable graphql-js awaits
 * when it reads the field (built then, so an error in the page reaches the field's path, never the process).
 */
function withConnection(
  found: { id: number; record: RawRow },
  selected: SelectedMeetings,
  parent: MeetingParent,
  context: RequestContext,
): RawRow {
  const connection = () => nestedMeetings(parent, found.id, selected.key.args, context, selected.info);
  found.record[selected.responseKey] = {
    // biome-ignore lint/suspicious/noThenProperty: graphql-js takes any thenable as the field's value
    then: (resolve: (value: unknown) => unknown, reject: (error: unknown) => unknown) => connection().then(resolve, reject),
  };
  return found.record;
}

/** The first `meetings` field of the looked-up record's selection, as the nested resolver will see it; null when none. */
function selectedMeetings(parent: MeetingParent, info: GraphQLResolveInfo): SelectedMeetings | null {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return null;
  const fields = collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes);
  for (const [responseKey, nodes] of fields) {
    if (nodes[0].name.value !== "meetings") continue;
    const args = meetingArgs(type, nodes[0], info);
    if (!args) return null;
    const nested = { ...info, fieldName: "meetings", fieldNodes: nodes, parentType: type } as GraphQLResolveInfo;
    const projection = projectConnectionNodes(nested, "Meeting");
    return {
      fieldNode: nodes[0],
      responseKey,
      info: nested,
      key: { parent, args, projection, withTotal: selectsField(nested, "totalCount") },
    };
  }
  return null;
}

/** The field's arguments, coerced as graphql-js will coerce them; null when they do not coerce. */
function meetingArgs(type: GraphQLObjectType, node: FieldNode, info: GraphQLResolveInfo): MeetingListArgs | null {
  try {
    return getArgumentValues(type.getFields().meetings, node, info.variableValues) as MeetingListArgs;
  } catch {
    return null;
  }
}

function isInputError(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT;
}
