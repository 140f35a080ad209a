import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { seedDemoRecords } from "../../src/import/seed";
import { RECORD_TYPE_NAMES, RECORDS } from "../../src/records";
import { firstError, loadWorld, startWriteServer, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(() => api.close());

interface Entry {
  action: string;
  actor: string;
  recordType: string;
  recordKey: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changedFields: string[];
  occurredAt: string;
}

const ENTRY = "action actor recordType recordKey version before after changedFields occurredAt";

async function changes(filter: Record<string, unknown>, role: Role = Role.ADMIN) {
  return api.as<{ changes: { totalCount: number; nodes: Entry[] } }>(
    role,
    `query($filter: ChangeFilter) { changes(filter: $filter) { totalCount nodes { ${ENTRY} } } }`,
    { filter },
  );
}

test("create, update and delete each leave an entry with who, when, and the values before and after", async () => {
  await api.edit(`mutation { createTopic(input: { slug: "sanctions", name: [{ lang: "en", text: "Sanctions" }] }) { slug } }`);
  await api.edit(
    `mutation { updateTopic(slug: "sanctions", expectedVersion: 1, input: { name: [{ lang: "en", text: "Sanctions policy" }], parent: "security-guarantees" }) { slug } }`,
  );
  await api.edit(`mutation { deleteTopic(slug: "sanctions") { deletedId } }`);
  const body = await changes({ recordType: "Topic", recordKey: "sanctions" });
  assert.equal(body.errors, undefined);
  const entries = body.data?.changes.nodes ?? [];
  assert.equal(body.data?.changes.totalCount, 3);
  assert.deepEqual(
    entries.map((entry) => [entry.action, entry.actor, entry.version]),
    [
      ["DELETE", "editor-key", 2],
      ["UPDATE", "editor-key", 2],
      ["CREATE", "editor-key", 1],
    ],
  );
  const [deleted, updated, created] = entries;
  assert.equal(created.before, null);
  assert.deepEqual(created.after, { slug: "sanctions", name: { en: "Sanctions" }, description: null, parent: null });
  assert.deepEqual(updated.before, created.after);
  assert.deepEqual(updated.after, {
    slug: "sanctions",
    name: { en: "Sanctions policy" },
    description: null,
    parent: "security-guarantees",
  });
  assert.deepEqual(updated.changedFields, ["name", "parent"]);
  assert.deepEqual(deleted.before, updated.after);
  assert.equal(deleted.after, null);
  assert.ok(Date.parse(created.occurredAt) <= Date.parse(deleted.occurredAt));
});

test("history on a record lists its changes newest first, nested writes included", async () => {
  await api.edit(`mutation { addMeetingTopic(meeting: "chiefs-in-paris", topic: "security-guarantees") { version } }`);
  const data = await api.edit<{ meeting: { history: { totalCount: number; nodes: Entry[] } } }>(
    `{ meeting(slug: "chiefs-in-paris") { history(first: 5) { totalCount nodes { ${ENTRY} } } } }`,
  );
  const [latest, first] = data.meeting.history.nodes;
  assert.equal(data.meeting.history.totalCount, 2);
  assert.equal(first.action, "CREATE");
  assert.equal(first.actor, "fixture", "the import that loaded the fixture is in the history too");
  assert.equal(latest.action, "UPDATE");
  assert.deepEqual(latest.changedFields, ["topics"]);
  assert.deepEqual(latest.before?.topics, ["troop-deployment"]);
  assert.deepEqual(latest.after?.topics, ["security-guarantees", "troop-deployment"]);
  assert.equal(latest.version, 2);
});

test("history pages with first/after and refuses more than 100", async () => {
  for (const text of ["One", "Two", "Three"]) {
    const [{ version }] = await api.dataSource.query(`SELECT version FROM state WHERE code = 'DE'`);
    await api.edit(
      `mutation($v: Int!, $t: String!) { updateState(code: "DE", expectedVersion: $v, input: { name: [{ lang: "en", text: $t }] }) { code } }`,
      {
        v: version,
        t: text,
      },
    );
  }
  const query = `query($after: String) { state(code: "DE") { history(first: 2, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { version } } } }`;
  const page1 = await api.edit<{
    state: { history: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { version: number }[] } };
  }>(query);
  assert.deepEqual(page1.state.history.nodes, [{ version: 4 }, { version: 3 }]);
  assert.equal(page1.state.history.pageInfo.hasNextPage, true);
  const page2 = await api.edit<{ state: { history: { pageInfo: { hasNextPage: boolean }; nodes: { version: number }[] } } }>(
    query,
    {
      after: page1.state.history.pageInfo.endCursor,
    },
  );
  assert.deepEqual(page2.state.history.nodes, [{ version: 2 }, { version: 1 }]);
  assert.equal(page2.state.history.pageInfo.hasNextPage, false);
  const tooMany = await api.as(Role.EDITOR, `{ state(code: "DE") { history(first: 101) { totalCount } } }`);
  assert.equal(firstError(tooMany).extensions.code, "BAD_USER_INPUT");
});

test("changes needs ADMIN: an EDITOR is FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
  assert.equal(firstError(await changes({}, Role.EDITOR)).extensions.code, "FORBIDDEN");
  const anonymous = await api.as(null, `{ changes { totalCount } }`);
  assert.equal(firstError(anonymous).extensions.code, "UNAUTHENTICATED");
});

test("changes filters by actor, action and time; an unknown record type is BAD_USER_INPUT", async () => {
  const fixture = await changes({ actor: "fixture", actions: ["CREATE"] });
  // 2 sources, 3 states, 2 topics, 1 coalition, 2 officials, 1 meeting, 1 outcome, 1 statement
  assert.equal(fixture.data?.changes.totalCount, 13);
  const future = await changes({ from: "2999-01-01T00:00:00Z" });
  assert.equal(future.data?.changes.totalCount, 0);
  const unknown = await changes({ recordType: "Spaceship" });
  assert.equal(firstError(unknown).extensions.code, "BAD_USER_INPUT");
});

test("importRecords is recorded under the key's label; importing the same bundle again adds no entry", async () => {
  const bundle = { topics: [{ slug: "energy", name: "Energy" }] };
  await api.edit(`mutation($bundle: JSON!) { importRecords(bundle: $bundle) { created } }`, { bundle });
  await api.edit(`mutation($bundle: JSON!) { importRecords(bundle: $bundle) { unchanged } }`, { bundle });
  const body = await changes({ recordType: "Topic", recordKey: "energy" });
  assert.deepEqual(
    body.data?.changes.nodes.map((entry) => [entry.action, entry.actor]),
    [["CREATE", "editor-key"]],
  );
});

test("an entry's before, imported back, reverts the change", async () => {
  await api.edit(`mutation { updateCoalition(slug: "willing", expectedVersion: 1, input: { members: [] }) { slug } }`);
  const body = await changes({ recordType: "Coalition", recordKey: "willing", actions: ["UPDATE"] });
  const before = body.data?.changes.nodes[0].before;
  assert.ok(before);
  await api.edit(`mutation($bundle: JSON!) { importRecords(bundle: $bundle) { updated } }`, { bundle: { coalitions: [before] } });
  const data = await api.edit<{ coalition: { members: { state: { code: string } }[] } }>(
    `{ coalition(slug: "willing") { members { state { code } } } }`,
  );
  assert.deepEqual(data.coalition.members.map((member) => member.state.code).sort(), ["FR", "GB"]);
});

test("the history table is append-only: the database refuses UPDATE and DELETE of its rows", async () => {
  await assert.rejects(api.dataSource.query(`UPDATE record_change SET actor = 'someone else'`), /append-only/);
  await assert.rejects(api.dataSource.query(`DELETE FROM record_change`), /append-only/);
});

test("the history of every record in a list costs the same SQL statements whatever the list's length", async () => {
  const counted = await startWriteServer({ EXPOSE_SQL_STATEMENTS: "true" });
  try {
    await loadWorld(counted.dataSource);
    const statementsFor = async (first: number) => {
      const body = await counted.as<{ states: { nodes: { history: { totalCount: number; nodes: { action: string }[] } }[] } }>(
        Role.EDITOR,
        `query($first: Int) { states(first: $first) { nodes { history(first: 1) { totalCount nodes { action } } } } }`,
        { first },
      );
      assert.equal(body.errors, undefined);
      assert.equal(body.data?.states.nodes.length, first);
      for (const state of body.data?.states.nodes ?? [])
        assert.deepEqual(state.history, { totalCount: 1, nodes: [{ action: "CREATE" }] });
      return body.extensions?.sqlStatements;
    };
    await statementsFor(1); // the key's first use of the request also records its last use
    const forOne = await statementsFor(1);
    assert.equal(typeof forOne, "number");
    assert.equal(await statementsFor(3), forOne);
  } finally {
    await counted.close();
  }
});

test("the demo seed is recorded once under the actor seed; seeding again adds no entry", async () => {
  const seeded = await startWriteServer();
  try {
    await seedDemoRecords(seeded.dataSource);
    const count = async () => {
      const [{ entries, records }] = await seeded.dataSource.query(`SELECT
          (SELECT count(*)::int FROM record_change WHERE actor = 'seed' AND action = 'CREATE') AS entries,
          (SELECT ${RECORD_TYPE_NAMES.map((type) => `(SELECT count(*) FROM "${RECORDS[type].table}")`).join(" + ")})::int AS records`);
      return { entries, records };
    };
    const first = await count();
    assert.ok(first.records > 10);
    assert.equal(first.entries, first.records, "one CREATE per seeded record");
    await seedDemoRecords(seeded.dataSource);
    assert.deepEqual(await count(), first);
  } finally {
    await seeded.close();
  }
});

test("an outcome's change is also its meeting's change; a meeting's before, imported back, keeps its outcomes", async () => {
  const [{ version }] = await api.dataSource.query(`SELECT version FROM meeting WHERE slug = 'chiefs-in-paris'`);
  await api.edit(
    `mutation { createOutcome(input: { slug: "paris-decision", meeting: "chiefs-in-paris", kind: DECISION, status: AGREED,
        summary: [{ lang: "en", text: "Decided" }] }) { slug } }`,
  );
  const body = await changes({ recordType: "Meeting", recordKey: "chiefs-in-paris" });
  const latest = body.data?.changes.nodes[0];
  assert.equal(latest?.version, version + 1);
  assert.deepEqual(latest?.changedFields, ["outcomes"]);
  const before = latest?.before;
  assert.ok(before);
  // Reverting the meeting to before the outcome existed removes that outcome and keeps the older one.
  await api.edit(`mutation($bundle: JSON!) { importRecords(bundle: $bundle) { updated } }`, { bundle: { meetings: [before] } });
  const outcomes = await api.dataSource.query(
    `SELECT o.slug FROM outcome o JOIN meeting m ON m.id = o.meeting_id WHERE m.slug = 'chiefs-in-paris' ORDER BY 1`,
  );
  assert.deepEqual(outcomes, [{ slug: "paris-statement" }]);
});
