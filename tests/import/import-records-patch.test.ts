import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { importBundle } from "../../src/import/import-bundle";
import { startWriteServer, type WriteServer } from "../writes/write-fixture";
import { parisChiefsBundle } from "./fixtures";

/** The importRecords mutation takes the same code path as `npm run import`: a bundle entry is a patch there too. */

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await importBundle(api.dataSource, parisChiefsBundle());
});
after(() => api.close());

const IMPORT = `mutation($bundle: JSON!) { importRecords(bundle: $bundle) { created updated unchanged } }`;

test("importRecords: an absent key keeps, an explicit null clears, statements are never removed", async () => {
  const result = await api.edit<{ importRecords: { created: number; updated: number; unchanged: number } }>(IMPORT, {
    bundle: {
      meetings: [{ slug: "chiefs-in-paris", format: null }],
      statements: [{ official: "fabien-mandon", text: "Another article's words" }],
    },
  });
  assert.deepEqual(result.importRecords, { created: 1, updated: 1, unchanged: 0 });
  const [row] = await api.dataSource.query(
    `SELECT m.format, m.level, (SELECT count(*)::int FROM participant p WHERE p.meeting_id = m.id) AS participants,
            (SELECT count(*)::int FROM outcome o WHERE o.meeting_id = m.id) AS outcomes,
            (SELECT count(*)::int FROM statement s JOIN official o ON o.id = s.official_id WHERE o.slug = 'fabien-mandon') AS statements
       FROM meeting m WHERE m.slug = 'chiefs-in-paris'`,
  );
  assert.deepEqual(row, { format: null, level: "CHIEFS_OF_DEFENCE", participants: 2, outcomes: 1, statements: 2 });
});

test("importRecords: a new record's entry without its required fields is BAD_USER_INPUT naming each missing path", async () => {
  const body = await api.as(Role.EDITOR, IMPORT, { bundle: { meetings: [{ slug: "chiefs-in-lyon", title: "Lyon" }] } });
  assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  const problems = body.errors?.[0]?.extensions?.problems as { path: string; message: string }[];
  assert.deepEqual(
    problems.map((problem) => problem.path),
    ["meetings[0].status"],
  );
});
