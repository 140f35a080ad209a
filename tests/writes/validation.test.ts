import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "pg";
import { Role } from "../../src/auth/role";
import { firstError, loadWorld, problemsOf, startWriteServer, tableChecksums, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(() => api.close());

/** Runs an EDITOR mutation that must fail with BAD_USER_INPUT and write nothing; returns its problems by path. */
async function refused(mutation: string, variables?: Record<string, unknown>): Promise<Record<string, string>> {
  const before = await tableChecksums(api.dataSource);
  const body = await api.as(Role.EDITOR, mutation, variables);
  const problems = problemsOf(body);
  assert.deepEqual(await tableChecksums(api.dataSource), before, "a refused mutation writes nothing");
  return problems;
}

test("createMeeting reports every problem at once, each at its input path, unknown references included", async () => {
  const problems = await refused(
    `mutation { createMeeting(input: { slug: "Bad Slug", title: [], status: HELD, coalition: "no-such-coalition",
        location: { country: "XX" },
        participants: [{ official: "nobody" }, { official: "fabien-mandon", representing: "ZZ" }, { official: "fabien-mandon" }],
        topics: ["troop-deployment", "no-topic"], precededBy: ["chiefs-in-paris", "ghost-meeting"],
        sources: [{ source: "rbc-article", quoteLang: "ru" }, { source: "missing-source" }] }) { slug } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), [
    "input.coalition",
    "input.location.country",
    "input.participants[0].official",
    "input.participants[1].representing",
    "input.participants[2].official",
    "input.precededBy[1]",
    "input.slug",
    "input.sources[0].quoteLang",
    "input.sources[1].source",
    "input.title",
    "input.topics[1]",
  ]);
  assert.match(problems["input.coalition"], /unknown coalition "no-such-coalition"/);
  assert.match(problems["input.participants[0].official"], /unknown official "nobody"/);
  assert.match(problems["input.participants[2].official"], /listed twice/);
  assert.match(problems["input.topics[1]"], /unknown topic "no-topic"/);
  assert.match(problems["input.sources[1].source"], /unknown source "missing-source"/);
  assert.match(problems["input.slug"], /lowercase/);
  assert.match(problems["input.title"], /at least one language/);
});

test("createState: a malformed code, a duplicate language and an empty text are each named", async () => {
  const problems = await refused(
    `mutation { createState(input: { code: "fra", name: [{ lang: "en", text: "" }, { lang: "en", text: "France" }, { lang: "english", text: "x" }] }) { code } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), ["input.code", "input.name", "input.name[0].text", "input.name[2].lang"]);
  assert.match(problems["input.name"], /each language at most once/);
});

test("a human key already held is a problem of the key's path", async () => {
  const problems = await refused(
    `mutation { createState(input: { code: "FR", name: [{ lang: "en", text: "France again" }] }) { code } }`,
  );
  assert.deepEqual(problems, { "input.code": 'a State with code "FR" already exists' });
});

test("createSource: a URL that is not http(s) and a malformed language tag", async () => {
  const problems = await refused(
    `mutation { createSource(input: { slug: "s1", kind: OTHER, title: [{ lang: "en", text: "t" }], url: "ftp://x", language: "Russian" }) { slug } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), ["input.language", "input.url"]);
});

test("createTopic with an unknown parent; updateTopic may not create a cycle", async () => {
  assert.deepEqual(
    await refused(
      `mutation { createTopic(input: { slug: "t1", name: [{ lang: "en", text: "T" }], parent: "nowhere" }) { slug } }`,
    ),
    { "input.parent": 'unknown topic "nowhere"' },
  );
  const problems = await refused(
    `mutation { updateTopic(slug: "security-guarantees", expectedVersion: 1, input: { parent: "troop-deployment" }) { slug } }`,
  );
  assert.match(problems["input.parent"], /under itself or one of its descendants/);
});

test("createCoalition: a membership ending before it began and an unknown member state", async () => {
  const problems = await refused(
    `mutation { createCoalition(input: { slug: "c1", name: [{ lang: "en", text: "C" }],
        members: [{ state: "FR", since: "2025-03-02", until: "2024-01-01" }, { state: "QQ", sources: [{ source: "nope" }] }] }) { slug } }`,
  );
  assert.deepEqual(problems, {
    "input.members[0].until": "must not be before since (2025-03-02)",
    "input.members[1].state": 'unknown state "QQ"',
    "input.members[1].sources[0].source": 'unknown source "nope"',
  });
});

test("createOfficial: a position's unknown state and an empty title", async () => {
  const problems = await refused(
    `mutation { createOfficial(input: { slug: "o1", name: [{ lang: "en", text: "O" }], positions: [{ title: [], state: "QQ" }] }) { slug } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), ["input.positions[0].state", "input.positions[0].title"]);
});

test("createOutcome: unknown meeting, follow-up meeting, topic and party", async () => {
  const problems = await refused(
    `mutation { createOutcome(input: { slug: "o2", meeting: "nope", kind: DECISION, status: AGREED, summary: [{ lang: "en", text: "S" }],
        topics: ["nope-topic"], parties: ["FR", "QQ"], followUpMeeting: "nope-2" }) { slug } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), [
    "input.followUpMeeting",
    "input.meeting",
    "input.parties[1]",
    "input.topics[0]",
  ]);
});

test("createStatement: the same official may not say the same text twice; an unknown official is named", async () => {
  assert.deepEqual(
    await refused(`mutation { createStatement(input: { official: "fabien-mandon", text: "We are ready." }) { id } }`),
    { "input.text": "this official already has a statement with this text" },
  );
  assert.deepEqual(await refused(`mutation { createStatement(input: { official: "ghost", text: "Boo" }) { id } }`), {
    "input.official": 'unknown official "ghost"',
  });
});

test("an update may leave a required field out but not set it to null", async () => {
  const problems = await refused(
    `mutation { updateMeeting(slug: "chiefs-in-paris", expectedVersion: 1, input: { status: null, title: null }) { slug } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), ["input.status", "input.title"]);
  assert.match(problems["input.status"], /must not be null/);
});

test("nested writes validate too: a participant twice, a missing participant, an unknown topic", async () => {
  assert.deepEqual(
    await refused(`mutation { addParticipant(meeting: "chiefs-in-paris", input: { official: "fabien-mandon" }) { slug } }`),
    {
      "input.official": '"fabien-mandon" already takes part in this meeting',
    },
  );
  assert.deepEqual(await refused(`mutation { removeParticipant(meeting: "chiefs-in-paris", official: "nobody") { slug } }`), {
    official: '"nobody" does not take part in this meeting',
  });
  assert.deepEqual(await refused(`mutation { addMeetingTopic(meeting: "chiefs-in-paris", topic: "nope") { slug } }`), {
    topic: 'unknown topic "nope"',
  });
  assert.deepEqual(
    await refused(
      `mutation { addMembership(coalition: "willing", input: { state: "QQ", since: "2025-01-02", until: "2025-01-01" }) { slug } }`,
    ),
    {
      "input.state": 'unknown state "QQ"',
      "input.until": "must not be before since (2025-01-02)",
    },
  );
});

test("updating or deleting a record that does not exist is NOT_FOUND", async () => {
  const update = await api.as(Role.EDITOR, `mutation { updateState(code: "QQ", expectedVersion: 1, input: {}) { code } }`);
  assert.equal(firstError(update).extensions.code, "NOT_FOUND");
  const remove = await api.as(Role.EDITOR, `mutation { deleteMeeting(slug: "ghost") { deletedId } }`);
  assert.equal(firstError(remove).extensions.code, "NOT_FOUND");
  const statement = await api.as(Role.EDITOR, `mutation { deleteStatement(id: "not-an-id") { deletedId } }`);
  assert.equal(firstError(statement).extensions.code, "NOT_FOUND");
});

test("a failed importRecords leaves every table exactly as it was and names every problem with its JSON path", async () => {
  const before = await tableChecksums(api.dataSource);
  const body = await api.as(Role.EDITOR, `mutation($bundle: JSON!) { importRecords(bundle: $bundle) { created } }`, {
    bundle: {
      states: [{ code: "NL", name: "Netherlands" }],
      meetings: [{ slug: "hague", title: "The Hague", status: "HELD", participants: [{ official: "ghost" }] }],
    },
  });
  const error = firstError(body);
  assert.equal(error.extensions.code, "BAD_USER_INPUT");
  assert.match(error.message, /meetings\[0\]\.participants\[0\]\.official/);
  assert.deepEqual(await tableChecksums(api.dataSource), before);
});

test("a mutation that fails after it has written some rows leaves every table exactly as it was", async () => {
  // Another session holds the history table; the mutation inserts its meeting, participants and
  // citations, then waits on the lock for its history entry until lock_timeout aborts it.
  const before = await tableChecksums(api.dataSource);
  const blocker = new Client({ connectionString: api.server.db.url });
  await blocker.connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE record_change IN EXCLUSIVE MODE");
    const body = await api.as(
      Role.EDITOR,
      `mutation { createMeeting(input: { slug: "half-written", title: [{ lang: "en", text: "Half" }], status: HELD,
          participants: [{ official: "fabien-mandon" }], topics: ["troop-deployment"], sources: [{ source: "rbc-article" }] }) { slug } }`,
    );
    assert.equal(firstError(body).extensions.code, "CONFLICT");
  } finally {
    await blocker.query("ROLLBACK");
    await blocker.end();
  }
  assert.deepEqual(await tableChecksums(api.dataSource), before);
});

test("updates validate every field given, with the same paths as creates", async () => {
  const problems = await refused(
    `mutation { updateOutcome(slug: "paris-statement", expectedVersion: 1, input: { meeting: "nope", parties: ["QQ"], sources: [{ source: "Bad Slug" }] }) { slug } }`,
  );
  assert.deepEqual(Object.keys(problems).sort(), ["input.meeting", "input.parties[0]", "input.sources[0].source"]);
  const statement = await api.edit<{ official: { statements: { id: string }[] } }>(
    `{ official(slug: "fabien-mandon") { statements { id } } }`,
  );
  const statementProblems = await refused(
    `mutation($id: ID!) { updateStatement(id: $id, expectedVersion: 1, input: { text: "", lang: "??", source: "nope" }) { id } }`,
    { id: statement.official.statements[0].id },
  );
  assert.deepEqual(Object.keys(statementProblems).sort(), ["input.lang", "input.source", "input.text"]);
  const sourceProblems = await refused(
    `mutation { updateSource(slug: "rbc-article", expectedVersion: 1, input: { slug: "elysee-communique" }) { slug } }`,
  );
  assert.deepEqual(sourceProblems, { "input.slug": 'a Source with slug "elysee-communique" already exists' });
});

test("nested writes on positions, memberships and citations validate their inputs", async () => {
  assert.deepEqual(
    await refused(
      `mutation { addPosition(official: "rich-knighton", input: { title: [{ lang: "en", text: "T" }], state: "QQ", sources: [{ source: "nope" }] }) { slug } }`,
    ),
    { "input.state": 'unknown state "QQ"', "input.sources[0].source": 'unknown source "nope"' },
  );
  const coalition = await api.edit<{ coalition: { members: { id: string; since: string }[] } }>(
    `{ coalition(slug: "willing") { members { id since } } }`,
  );
  assert.deepEqual(
    await refused(`mutation($id: ID!) { endMembership(membership: $id, until: "2020-01-01") { slug } }`, {
      id: coalition.coalition.members[0].id,
    }),
    { until: "must not be before the membership began (2025-03-02)" },
  );
  const meeting = await api.edit<{ meeting: { id: string } }>(`{ meeting(slug: "chiefs-in-paris") { id } }`);
  assert.deepEqual(
    await refused(`mutation($id: ID!) { addCitation(subject: $id, input: { source: "nope", quoteLang: "en" }) { id } }`, {
      id: meeting.meeting.id,
    }),
    { "input.source": 'unknown source "nope"', "input.quoteLang": "is given without a quote" },
  );
  const wrongSubject = await api.as(
    Role.EDITOR,
    `mutation { addCitation(subject: "bm90LWFuLWlk", input: { source: "rbc-article" }) { id } }`,
  );
  assert.equal(firstError(wrongSubject).extensions.code, "NOT_FOUND");
});
