import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { snapshotRecord } from "../../src/history/snapshots";
import { RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../../src/records";
import { loadWorld, startWriteServer, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(() => api.close());

const en = (text: string) => [{ lang: "en", text }];

/**
 * For each record type: a create and an update by mutation that between them touch every kind of field
 * the type has (texts in two languages, dates, enums, references, parts with citations).
 */
const WRITES: Record<RecordTypeName, { create: Record<string, unknown>; update: Record<string, unknown> }> = {
  Source: {
    create: {
      slug: "revert-source",
      kind: "NEWS_ARTICLE",
      title: [...en("Report"), { lang: "ru", text: "Отчёт" }],
      publisher: "BBC",
      url: "https://bbc.example/a",
      language: "en",
      publishedAt: "2026-01-06T09:30:00.000Z",
    },
    update: { kind: "OTHER", url: null, publishedAt: "2026-01-07T00:00:00.000Z" },
  },
  State: {
    create: { code: "PL", name: [...en("Poland"), { lang: "pl", text: "Polska" }] },
    update: { name: en("Republic of Poland") },
  },
  Topic: {
    create: { slug: "revert-topic", name: en("Air policing"), description: en("Skies"), parent: "security-guarantees" },
    update: { parent: null, description: null },
  },
  Coalition: {
    create: {
      slug: "revert-coalition",
      name: en("Weimar"),
      foundedOn: "1991-08-29",
      members: [
        { state: "FR", role: "FOUNDER", since: "1991-08-29", sources: [{ source: "rbc-article", quote: "Q", quoteLang: "en" }] },
        { state: "DE" },
      ],
    },
    update: { members: [{ state: "GB", until: "2026-01-01" }], description: en("Triangle") },
  },
  Official: {
    create: {
      slug: "revert-official",
      name: en("Carsten Breuer"),
      positions: [
        {
          title: en("Inspector General"),
          organization: en("Bundeswehr"),
          state: "DE",
          since: "2023-03-17",
          sources: [{ source: "rbc-article" }],
        },
      ],
    },
    update: { name: [...en("General Breuer"), { lang: "de", text: "General Breuer" }], positions: [] },
  },
  Meeting: {
    create: {
      slug: "revert-meeting",
      title: en("Chiefs again"),
      date: "2026-02-01",
      datePrecision: "MONTH",
      status: "PLANNED",
      format: "HYBRID",
      level: "MINISTERS",
      location: { city: "Berlin", country: "DE" },
      coalition: "willing",
      summary: en("Planned"),
      participants: [{ official: "rich-knighton", representing: "GB", role: "CHAIR", attendance: "REMOTE" }],
      topics: ["troop-deployment", "security-guarantees"],
      precededBy: ["chiefs-in-paris"],
      sources: [{ source: "rbc-article", quote: "Q", quoteLang: "en" }, { source: "elysee-communique" }],
    },
    update: {
      status: "HELD",
      date: "2026-02-03",
      datePrecision: "DAY",
      location: null,
      participants: [{ official: "fabien-mandon" }],
      topics: [],
      sources: [],
    },
  },
  Outcome: {
    create: {
      slug: "revert-outcome",
      meeting: "chiefs-in-paris",
      kind: "COMMITMENT",
      status: "PROPOSED",
      summary: en("Troops"),
      topics: ["troop-deployment"],
      parties: ["FR", "GB"],
      followUpMeeting: "chiefs-in-paris",
      sources: [{ source: "rbc-article" }],
    },
    update: {
      status: "AGREED",
      parties: ["DE"],
      followUpMeeting: null,
      summary: [...en("Troops agreed"), { lang: "ru", text: "Войска" }],
    },
  },
  Statement: {
    create: {
      official: "rich-knighton",
      text: "We stand ready to revert.",
      meeting: "chiefs-in-paris",
      lang: "en",
      madeOn: "2026-01-06",
      source: "rbc-article",
      sources: [{ source: "elysee-communique", quote: "Ready" }],
    },
    update: { lang: "fr", madeOn: null, meeting: null, sources: [] },
  },
};

/** The mutation's argument naming the record to update, from its create answer. */
function keyArgument(recordType: RecordTypeName, created: { id: string; key?: string }): string {
  if (recordType === "Statement") return `id: ${JSON.stringify(created.id)}`;
  const column = RECORDS[recordType].keyColumn;
  return `${column}: ${JSON.stringify(created.key)}`;
}

for (const recordType of RECORD_TYPE_NAMES) {
  test(`${recordType}: importing the before of an update written by a mutation gives the record back exactly`, async () => {
    const { create, update } = WRITES[recordType];
    const keyColumn = RECORDS[recordType].keyColumn;
    const created = await api.edit<Record<string, { id: string; key?: string; version: number }>>(
      `mutation($input: Create${recordType}Input!) { created: create${recordType}(input: $input) { id ${keyColumn ? `key: ${keyColumn}` : ""} version } }`,
      { input: create },
    );
    const record = created.created;
    await api.edit(
      `mutation($input: Update${recordType}Input!) { update${recordType}(${keyArgument(recordType, record)}, expectedVersion: 1, input: $input) { version } }`,
      { input: update },
    );
    const [entry]: { record_id: number; before: Record<string, unknown>; after: Record<string, unknown> }[] =
      await api.dataSource.query(
        `SELECT record_id, before, after FROM record_change WHERE record_type = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
        [recordType],
      );
    assert.notDeepEqual(entry.after, entry.before, "the update changed the record");
    await api.edit(`mutation($bundle: JSON!) { importRecords(bundle: $bundle) { updated } }`, {
      bundle: { [RECORDS[recordType].section]: [entry.before] },
    });
    assert.deepEqual(await snapshotRecord(api.dataSource.manager, recordType, entry.record_id), entry.before);
  });
}
