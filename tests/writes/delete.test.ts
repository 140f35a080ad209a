import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { toGlobalId } from "../../src/schema/global-id";
import { firstError, loadWorld, startWriteServer, tableChecksums, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(() => api.close());

interface Dependant {
  recordType: string;
  relation: string;
  count: number;
  keys: string[];
  cascade: string;
}

const byRelation = (dependants: Dependant[]) =>
  Object.fromEntries(dependants.map((group) => [`${group.recordType} as ${group.relation}`, group.keys.join(",")]));

async function historySince(id: number): Promise<{ record_type: string; record_key: string; action: string }[]> {
  return api.dataSource.query(`SELECT record_type, record_key, action FROM record_change WHERE id > $1 ORDER BY id`, [id]);
}

async function lastHistoryId(): Promise<number> {
  const [{ id }] = await api.dataSource.query(`SELECT coalesce(max(id), 0)::int AS id FROM record_change`);
  return id;
}

test("deleting a state others depend on is CONFLICT naming every dependant, and nothing is written", async () => {
  const before = await tableChecksums(api.dataSource);
  const body = await api.as(Role.EDITOR, `mutation { deleteState(code: "FR") { deletedId } }`);
  const error = firstError(body);
  assert.equal(error.extensions.code, "CONFLICT");
  assert.deepEqual(byRelation(error.extensions.dependants as Dependant[]), {
    "Coalition as member state": "willing",
    "Official as position's state": "fabien-mandon",
    "Meeting as location country": "chiefs-in-paris",
    "Meeting as participant's state": "chiefs-in-paris",
    "Outcome as party": "paris-statement",
  });
  assert.match(error.message, /cascade: true/);
  assert.deepEqual(await tableChecksums(api.dataSource), before);
});

test("deleteState with cascade removes memberships and party links, clears optional references, and records each change", async () => {
  const since = await lastHistoryId();
  const answer = await api.edit<{ deleteState: { recordType: string; key: string; cascaded: Dependant[] } }>(
    `mutation { deleteState(code: "FR", cascade: true) { recordType key cascaded { recordType relation count keys cascade } } }`,
  );
  assert.equal(answer.deleteState.key, "FR");
  assert.equal(answer.deleteState.cascaded.length, 5);
  const [counts] = await api.dataSource.query(`SELECT
      (SELECT count(*)::int FROM membership m JOIN coalition c ON c.id = m.coalition_id WHERE c.slug = 'willing') AS members,
      (SELECT count(*)::int FROM position WHERE state_id IS NULL) AS stateless_positions,
      (SELECT location_country_id FROM meeting WHERE slug = 'chiefs-in-paris') AS location_country,
      (SELECT location_city FROM meeting WHERE slug = 'chiefs-in-paris') AS location_city,
      (SELECT count(*)::int FROM participant WHERE representing_state_id IS NULL) AS unrepresented,
      (SELECT count(*)::int FROM outcome_party) AS parties`);
  assert.deepEqual(counts, {
    members: 1,
    stateless_positions: 1,
    location_country: null,
    location_city: "Paris",
    unrepresented: 1,
    parties: 0,
  });
  const entries = await historySince(since);
  assert.deepEqual(
    entries.map((entry) => `${entry.action} ${entry.record_type} ${entry.record_key}`),
    [
      "UPDATE Coalition willing",
      "UPDATE Official fabien-mandon",
      "UPDATE Meeting chiefs-in-paris",
      "UPDATE Outcome paris-statement",
      "DELETE State FR",
    ],
  );
});

test("deleting a meeting with outcomes and statements is refused; with cascade its outcomes are deleted and statements detached", async () => {
  const refusal = await api.as(Role.EDITOR, `mutation { deleteMeeting(slug: "chiefs-in-paris") { deletedId } }`);
  const error = firstError(refusal);
  assert.equal(error.extensions.code, "CONFLICT");
  const dependants = error.extensions.dependants as Dependant[];
  assert.deepEqual(
    dependants.map((group) => [group.recordType, group.relation, group.count, group.cascade]),
    [
      ["Outcome", "meeting", 1, "DELETE"],
      ["Statement", "meeting", 1, "UPDATE"],
    ],
  );
  const since = await lastHistoryId();
  await api.edit(`mutation { deleteMeeting(slug: "chiefs-in-paris", cascade: true) { deletedId } }`);
  const [state] = await api.dataSource.query(`SELECT
      (SELECT count(*)::int FROM meeting) AS meetings, (SELECT count(*)::int FROM outcome) AS outcomes,
      (SELECT count(*)::int FROM participant) AS participants, (SELECT count(*)::int FROM citation WHERE meeting_id IS NOT NULL) AS citations,
      (SELECT count(*)::int FROM statement WHERE meeting_id IS NULL) AS detached_statements`);
  assert.deepEqual(state, { meetings: 0, outcomes: 0, participants: 0, citations: 0, detached_statements: 1 });
  const entries = await historySince(since);
  assert.deepEqual(
    entries.map((entry) => `${entry.action} ${entry.record_type}`),
    ["DELETE Outcome", "UPDATE Statement", "DELETE Meeting"],
  );
});

test("deleting an official: refused while statements exist, cascade deletes them; positions go with the official", async () => {
  const refusal = await api.as(Role.EDITOR, `mutation { deleteOfficial(slug: "fabien-mandon") { deletedId } }`);
  assert.equal(firstError(refusal).extensions.code, "CONFLICT");
  await api.edit(`mutation { deleteOfficial(slug: "fabien-mandon", cascade: true) { deletedId } }`);
  const [state] = await api.dataSource.query(
    `SELECT (SELECT count(*)::int FROM statement) AS statements, (SELECT count(*)::int FROM position) AS positions`,
  );
  assert.deepEqual(state, { statements: 0, positions: 0 });
});

test("records nothing depends on are deleted without cascade; the answer names the deleted record", async () => {
  const created = await api.edit<{ createTopic: { id: string } }>(
    `mutation { createTopic(input: { slug: "lonely", name: [{ lang: "en", text: "Lonely" }] }) { id } }`,
  );
  const deleted = await api.edit<{ deleteTopic: Record<string, unknown> }>(
    `mutation { deleteTopic(slug: "lonely") { deletedId recordType key version cascaded { count } } }`,
  );
  assert.deepEqual(deleted.deleteTopic, {
    deletedId: created.createTopic.id,
    recordType: "Topic",
    key: "lonely",
    version: 1,
    cascaded: [],
  });
});

test("a stale expectedVersion on delete is CONFLICT", async () => {
  const body = await api.as(Role.EDITOR, `mutation { deleteCoalition(slug: "willing", expectedVersion: 99) { deletedId } }`);
  assert.equal(firstError(body).extensions.code, "CONFLICT");
  assert.equal(firstError(body).extensions.currentVersion, 2);
});

test("deleting a topic with children and a source cited elsewhere, with cascade", async () => {
  const refusal = await api.as(Role.EDITOR, `mutation { deleteTopic(slug: "security-guarantees") { deletedId } }`);
  assert.equal(firstError(refusal).extensions.code, "CONFLICT");
  await api.edit(`mutation { deleteTopic(slug: "security-guarantees", cascade: true) { deletedId } }`);
  const [{ parent }] = await api.dataSource.query(`SELECT parent_id AS parent FROM topic WHERE slug = 'troop-deployment'`);
  assert.equal(parent, null);
  const membershipsCited = await api.dataSource.query(`SELECT 1 FROM citation WHERE membership_id IS NOT NULL`);
  assert.equal(membershipsCited.length, 0, "the French membership, the only one cited, went with France");
  const [{ id: membershipId }] = await api.dataSource.query(`SELECT id FROM membership`);
  await api.edit(`mutation($subject: ID!) { addCitation(subject: $subject, input: { source: "rbc-article" }) { id } }`, {
    subject: toGlobalId("Membership", membershipId),
  });
  const sourceRefusal = await api.as(Role.EDITOR, `mutation { deleteSource(slug: "rbc-article") { deletedId } }`);
  assert.deepEqual(
    (firstError(sourceRefusal).extensions.dependants as Dependant[]).map((group) => `${group.recordType} ${group.relation}`),
    ["Coalition membership citation"],
  );
  await api.edit(`mutation { deleteSource(slug: "rbc-article", cascade: true) { deletedId } }`);
  const citations = await api.dataSource.query(`SELECT 1 FROM citation`);
  assert.equal(citations.length, 0);
});

test("deleteStatement takes the statement's global id", async () => {
  const created = await api.edit<{ createStatement: { id: string } }>(
    `mutation { createStatement(input: { official: "rich-knighton", text: "Goodbye." }) { id } }`,
  );
  const deleted = await api.edit<{ deleteStatement: { deletedId: string; key: string } }>(
    `mutation($id: ID!) { deleteStatement(id: $id) { deletedId key } }`,
    { id: created.createStatement.id },
  );
  assert.deepEqual(deleted.deleteStatement, { deletedId: created.createStatement.id, key: created.createStatement.id });
});

test("deleteOutcome needs no cascade; deleteCoalition with cascade detaches its meetings and drops its memberships", async () => {
  await api.edit(
    `mutation { createMeeting(input: { slug: "m-in-coalition", title: [{ lang: "en", text: "M" }], status: HELD, coalition: "willing" }) { slug } }`,
  );
  await api.edit(
    `mutation { createOutcome(input: { slug: "o-temp", meeting: "m-in-coalition", kind: DECISION, status: AGREED, summary: [{ lang: "en", text: "S" }] }) { slug } }`,
  );
  const outcome = await api.edit<{ deleteOutcome: { key: string; cascaded: unknown[] } }>(
    `mutation { deleteOutcome(slug: "o-temp") { key cascaded { count } } }`,
  );
  assert.deepEqual(outcome.deleteOutcome, { key: "o-temp", cascaded: [] });
  const refusal = await api.as(Role.EDITOR, `mutation { deleteCoalition(slug: "willing") { deletedId } }`);
  assert.deepEqual((firstError(refusal).extensions.dependants as Dependant[])[0].keys, ["m-in-coalition"]);
  await api.edit(`mutation { deleteCoalition(slug: "willing", cascade: true) { deletedId } }`);
  const [state] = await api.dataSource.query(`SELECT
      (SELECT coalition_id FROM meeting WHERE slug = 'm-in-coalition') AS coalition,
      (SELECT count(*)::int FROM membership) AS memberships`);
  assert.deepEqual(state, { coalition: null, memberships: 0 });
});
