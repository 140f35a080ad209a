import type { EntityManager, EntityTarget } from "typeorm";
import type { RecordBase } from "../entities/record-base";
import type { RecordDescription } from "../records";
import type { Field } from "../records/fields";
import type { RecordKeys } from "./record-keys";

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The values of a record's own row that an entry gives, by the entity's properties, derived from the
 * record description by one naming rule: a field is stored in the entity property of its name, a reference
 * in `<name>Id` (its key resolved to an id), a nested object's field in `<object><Field>` (a meeting's
 * `location.city` in `locationCity`). Fields the entity has no property for (lists, parts, nested entries)
 * are the upserts' children. A field the entry leaves out is undefined (stays as stored); a nested object
 * given as null clears each of its fields.
 */
export function recordValues(
  manager: EntityManager,
  entity: EntityTarget<RecordBase>,
  description: RecordDescription,
  entry: Record<string, unknown>,
  keys: RecordKeys,
): Record<string, unknown> {
  const metadata = manager.connection.getMetadata(entity);
  const values: Record<string, unknown> = {};
  const add = (property: string, field: Field, value: unknown): void => {
    const { rule } = field;
    if (rule.kind === "object") {
      for (const [name, part] of Object.entries(rule.part.fields)) {
        const given = value === undefined || value === null ? value : (value as Record<string, unknown>)[name];
        add(`${property}${capitalized(name)}`, part, given);
      }
      return;
    }
    const column = rule.kind === "reference" ? `${property}Id` : property;
    if (!metadata.findColumnWithPropertyName(column)) return;
    if (rule.kind === "reference" && typeof value === "string") values[column] = keys.id(rule.to, value);
    else values[column] = value;
  };
  for (const [name, field] of Object.entries(description.fields)) add(name, field, entry[name]);
  return values;
}
