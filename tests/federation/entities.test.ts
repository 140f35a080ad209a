import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { toGlobalId } from "../../src/schema/global-id";
import { type LoggedChancery, postGraphql, startChanceryWithSqlLog } from "./chancery-with-sql-log";
import { insertFederationFixture } from "./federation-fixture";

let chancery: LoggedChancery;
let meetingIds: Map<string, number>;

before(async () => {
  chancery = await startChanceryWithSqlLog((db) => insertFederationFixture(db.dataSource, 120));
  const rows: { id: number; slug: string }[] = await chancery.db.dataSource.query("SELECT id, slug FROM meeting");
  meetingIds = new Map(rows.map((row) => [row.slug, row.id]));
});
after(() => chancery.close());

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Meeting { id slug date } ... on State { code } }
}`;

type EntitiesBody = { data?: { _entities: ({ id: string; slug: string; date: string } | null)[] }; errors?: unknown[] };

const slugOf = (n: number) => `meeting-${String(n).padStart(3, "0")}`;

/** 100 representations: by global id, by slug, and unknown ones of both kinds, interleaved. */
function hundredRepresentations(): { representation: Record<string, string>; expectedSlug: string | null }[] {
  return Array.from({ length: 100 }, (_, index) => {
    const n = ((index * 37) % 110) + 1; // 1..110, shuffled; 111-120 stay unasked
    if (index % 10 === 9) {
      const unknown: Record<string, string> =
        index % 20 === 9 ? { slug: `no-such-meeting-${index}` } : { id: toGlobalId("Meeting", 900_000 + index) };
      return { representation: { __typename: "Meeting", ...unknown }, expectedSlug: null };
    }
    const representation: Record<string, string> =
      index % 2 === 0 ? { id: toGlobalId("Meeting", meetingIds.get(slugOf(n)) ?? 0) } : { slug: slugOf(n) };
    return { representation: { __typename: "Meeting", ...representation }, expectedSlug: slugOf(n) };
  });
}

test("_entities with 100 Meeting representations (ids, slugs, unknown) costs one SQL statement and answers in order", async () => {
  const asked = hundredRepresentations();
  const body = await postGraphql<EntitiesBody>(chancery.url, ENTITIES, {
    representations: asked.map((entry) => entry.representation),
  });
  assert.equal(body.errors, undefined);
  const answers = body.data?._entities ?? [];
  assert.equal(answers.length, 100);
  assert.deepEqual(
    answers.map((answer) => answer?.slug ?? null),
    asked.map((entry) => entry.expectedSlug),
  );
  assert.equal(answers.filter((answer) => answer === null).length, 10);
  const first = answers[0];
  assert.ok(first);
  assert.equal(first.id, toGlobalId("Meeting", meetingIds.get(first.slug) ?? 0));
  assert.equal(chancery.sqlStatementsOf("Entities"), 1);
});

test("a gateway batch of 1,500 representations, most of them unknown, is still one SQL statement, answered in order", async () => {
  const representations = Array.from({ length: 1500 }, (_, index) =>
    index % 100 === 0
      ? { __typename: "Meeting", slug: slugOf(index / 100 + 1) }
      : { __typename: "Meeting", slug: `gone-${index}` },
  );
  const body = await postGraphql<EntitiesBody>(chancery.url, ENTITIES.replace("query Entities", "query Large"), {
    representations,
  });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const answers = body.data?._entities ?? [];
  assert.equal(answers.length, 1500);
  assert.deepEqual(
    answers.flatMap((answer, index) => (answer ? [[index, answer.slug]] : [])),
    Array.from({ length: 15 }, (_, n) => [n * 100, slugOf(n + 1)]),
  );
  assert.equal(chancery.sqlStatementsOf("Large"), 1);
});

test("an id of another type, or a representation naming no key, resolves to null without SQL", async () => {
  const body = await postGraphql<EntitiesBody>(chancery.url, ENTITIES.replace("query Entities", "query Foreign"), {
    representations: [
      { __typename: "Meeting", id: toGlobalId("State", meetingIds.get(slugOf(1)) ?? 0) },
      { __typename: "Meeting", id: "not-a-global-id" },
      { __typename: "Meeting", title: "no key here" },
    ],
  });
  assert.equal(body.errors, undefined);
  assert.deepEqual(body.data?._entities, [null, null, null]);
  assert.equal(chancery.sqlStatementsOf("Foreign"), 0);
});

test("States resolve by code and Meetings by slug in the same request, one statement per type", async () => {
  const body = await postGraphql<{ data?: { _entities: ({ code?: string; slug?: string } | null)[] } }>(
    chancery.url,
    ENTITIES.replace("query Entities", "query Mixed"),
    {
      representations: [
        { __typename: "State", code: "GB" },
        { __typename: "Meeting", slug: slugOf(2) },
        { __typename: "State", code: "ZZ" },
        { __typename: "State", code: "FR" },
      ],
    },
  );
  assert.deepEqual(
    body.data?._entities.map((entity) => entity?.code ?? entity?.slug ?? null),
    ["GB", slugOf(2), null, "FR"],
  );
  assert.equal(chancery.sqlStatementsOf("Mixed"), 2);
});

test("_entities builds a selection it can project in its one statement, answering as the field resolvers do", async () => {
  const fields = `id slug title(lang: "ru") en: title date status location { city country { code name } }
    participants { role official { slug name } representing { code } } topics { slug name } outcomes { kind summary }`;
  const query = (name: string, extra: string) => `query ${name}($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Meeting { ${fields} ${extra} } ... on State { code name(lang: "fr") } } }`;
  const representations = [
    ...[1, 2, 3, 50].map((n) => ({ __typename: "Meeting", slug: slugOf(n) })),
    { __typename: "Meeting", id: toGlobalId("Meeting", meetingIds.get(slugOf(7)) ?? 0) },
    { __typename: "Meeting", slug: "no-such-meeting" },
    { __typename: "State", code: "FR" },
  ];
  type Answer = { data?: { _entities: (Record<string, unknown> | null)[] }; errors?: unknown[] };
  const projected = await postGraphql<Answer>(chancery.url, query("Projected", ""), { representations });
  // `followUps` has no SQL projection: the whole Meeting selection then goes through the resolvers.
  const resolved = await postGraphql<Answer>(chancery.url, query("Resolved", "followUps { slug }"), { representations });
  assert.equal(projected.errors, undefined, JSON.stringify(projected.errors));
  assert.equal(resolved.errors, undefined, JSON.stringify(resolved.errors));
  const withoutFollowUps = resolved.data?._entities.map((entity) => {
    if (!entity) return entity;
    const { followUps: _followUps, ...rest } = entity;
    return rest;
  });
  assert.deepEqual(projected.data?._entities, withoutFollowUps);
  assert.equal(projected.data?._entities[5], null);
  assert.equal((projected.data?._entities[6] as { code: string } | undefined)?.code, "FR");
  // One statement per type, nested parts included; the resolver path needs more for participants, topics, ...
  assert.equal(chancery.sqlStatementsOf("Projected"), 2);
  assert.ok((chancery.sqlStatementsOf("Resolved") ?? 0) > 2);
});
