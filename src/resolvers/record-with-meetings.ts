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
import { projectConnectionNodes, selectsField } from "../queries/projection/connection-node-projection";
import type { MeetingListArgs } from "../schema/list-args";

/** A `meetings` field selected on the record a root lookup returns: its first field node and its page key. */
interface SelectedMeetings {
  fieldNode: FieldNode;
  key: PageKey;
}

/**
 * A root lookup by human key (`coalition(slug:)`, `state(code:)`, `official(slug:)`) that fetches the record and,
 * when the client selects its `meetings`, the first such page in the same statement, so the question "this
 * coalition's meetings on a topic" costs one statement. The nested resolver reads the page fetched here; any
 * other selection, or arguments the page would reject, take the usual path (lookup loader, then the page's own
 * batched statement, which reports the error at its own path).
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
  let row: RawRow | null;
  try {
    row = await context.loaders.meetingConnections.recordWithPage(selected.key, key.value, selected.fieldNode);
  } catch (error) {
    if (isInputError(error)) return lookUp();
    throw error;
  }
  if (!row) return null;
  const [record] = hydrateRows(context.dataSource, target, [row]);
  context.loaders.records.byKey(target, key.field).prime(key.value, record);
  context.loaders.records.byId(target).prime(record.id, record);
  return record;
}

/** The first `meetings` field of the looked-up record's selection, as the nested resolver will see it; null when none. */
function selectedMeetings(parent: MeetingParent, info: GraphQLResolveInfo): SelectedMeetings | null {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return null;
  const fields = collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes);
  for (const nodes of fields.values()) {
    if (nodes[0].name.value !== "meetings") continue;
    const args = meetingArgs(type, nodes[0], info);
    if (!args) return null;
    const nested = { ...info, fieldName: "meetings", fieldNodes: nodes, parentType: type } as GraphQLResolveInfo;
    const projection = projectConnectionNodes(nested, "Meeting");
    return { fieldNode: nodes[0], key: { parent, args, projection, withTotal: selectsField(nested, "totalCount") } };
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
