import { registerEnumType } from "type-graphql";

/** Access roles, in increasing power: READER < EDITOR < ADMIN. */
export enum Role {
  READER = "READER",
  EDITOR = "EDITOR",
  ADMIN = "ADMIN",
}

const RANK: Record<Role, number> = { [Role.READER]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

/** True when `held` is at least `needed`. */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

registerEnumType(Role, {
  name: "Role",
  description:
    "What an API key may do: READER reads, EDITOR also writes records, ADMIN also manages keys and others' saved queries.",
  valuesConfig: {
    READER: { description: "Reads records and runs queries; may save queries of its own." },
    EDITOR: { description: "Also creates, updates, deletes and imports records." },
    ADMIN: { description: "Also reads the change history, manages API keys and changes anyone's saved queries." },
  },
});
