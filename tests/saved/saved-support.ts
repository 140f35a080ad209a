import { createApiKey } from "../../src/auth/api-keys";
import type { Role } from "../../src/auth/role";
import { seedDemoRecords } from "../../src/import/seed";
import { startTestServer, type TestServer } from "../support/server";

/** A server over the demo records, with the Authorization headers of keys of these labels and roles. */
export async function startSavedQueryServer(
  keys: Record<string, Role>,
  env: Record<string, string> = {},
): Promise<{ server: TestServer; auth: Record<string, Record<string, string>> }> {
  const server = await startTestServer(env);
  await seedDemoRecords(server.db.dataSource);
  const auth: Record<string, Record<string, string>> = {};
  for (const [label, role] of Object.entries(keys)) {
    const { secret } = await createApiKey(server.db.dataSource, { role, label });
    auth[label] = { authorization: `Bearer ${secret}` };
  }
  return { server, auth };
}

export const SAVE_QUERY = `mutation Save($input: SaveQueryInput!) {
  saveQuery(input: $input) { name version owner restPath isValid validationErrors documentHash versions { version author } }
}`;

/** Meetings on some topics: the analyst's question, saved once and re-run with new variables. */
export const MEETINGS_ON_TOPICS = `query MeetingsOnTopics($topics: [String!], $first: Int) {
  meetings(filter: { topics: $topics }, first: $first) {
    nodes { slug date format location { city country { code } } participants { official { slug } role } }
  }
}`;
