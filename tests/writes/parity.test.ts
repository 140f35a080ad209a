import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../../src/records";
import type { ReferenceType } from "../../src/records/entry-reader";
import type { Field, FieldRule, Fields } from "../../src/records/fields";
import { loadWorld, startWriteServer, type WriteServer } from "./write-fixture";

/**
 * The same values sent through a create mutation and through importRecords must be accepted or refused
 * alike, with the same problems (paths compared below `input.` and `<section>[0].`). The cases are
 * generated from the record descriptions: for every field (and every field of every part), valid and
 * invalid values derived from its rule. Values that the GraphQL types themselves refuse (an enum value
 * or a date of the wrong form) never reach a rule, so only values of the right GraphQL type are sent.
 */

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(() => api.close());

/** A stored record of each type referred to (the write fixture's world). */
const STORED: Record<ReferenceType, string> = {
  state: "FR",
  source: "rbc-article",
  topic: "troop-deployment",
  coalition: "willing",
  official: "fabien-mandon",
  meeting: "chiefs-in-paris",
};
const UNKNOWN: Record<ReferenceType, string> = { ...mapValues(STORED, () => "no-such-record"), state: "QQ" };

function mapValues<V>(object: Record<ReferenceType, string>, map: (value: string) => V): Record<ReferenceType, V> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)])) as Record<ReferenceType, V>;
}

let unique = 0;
/** A fresh value per call, so a case's mutation and import never write the same record. */
const fresh = () => `p${(unique++).toString(36)}`;
const freshCode = () => {
  const n = unique++;
  return `${String.fromCharCode(81 + (Math.floor(n / 26) % 10))}${String.fromCharCode(65 + (n % 26))}`;
};

interface Sample {
  value: () => unknown;
  label: string;
}

/** Values of a field's rule: valid ones first, then invalid ones (each labelled for the test's message). */
function samples(rule: FieldRule): Sample[] {
  const valid = (label: string, value: () => unknown) => ({ label: `valid ${label}`, value });
  const invalid = (label: string, value: unknown) => ({ label, value: () => value });
  switch (rule.kind) {
    case "key":
      return rule.format === "code"
        ? [valid("code", freshCode), invalid("lowercase code", "fr"), invalid("blank", "   ")]
        : [valid("slug", fresh), invalid("spaces", "Bad Slug"), invalid("too long", "a".repeat(201)), invalid("blank", "   ")];
    case "text":
      return [valid("text", () => `Text ${fresh()}`), invalid("blank", "   "), invalid("too long", "x".repeat(rule.max + 1))];
    case "localized":
      return [
        valid("text", () => [{ lang: "en", text: "Text" }]),
        invalid("no language", []),
        invalid("blank", [{ lang: "en", text: "   " }]),
        invalid("bad tag", [{ lang: "english", text: "x" }]),
        invalid("language twice", [
          { lang: "en", text: "a" },
          { lang: "en", text: "b" },
        ]),
        invalid("too long", [{ lang: "en", text: "x".repeat(rule.max + 1) }]),
      ];
    case "enum":
      return rule.values.map((value) => valid(value, () => value));
    case "date":
      return [valid("date", () => "2025-05-01")];
    case "dateTime":
      return [valid("date-time", () => "2026-01-06T10:00:00.000Z")];
    case "language":
      return [valid("tag", () => "ru"), invalid("bad tag", "english"), invalid("blank", "   ")];
    case "url":
      return [
        valid("url", () => "https://example.org/a"),
        invalid("ftp", "ftp://example.org/a"),
        invalid("too long", `https://example.org/${"x".repeat(rule.max)}`),
      ];
    case "reference":
      return [valid("reference", () => STORED[rule.to]), invalid("unknown", UNKNOWN[rule.to]), invalid("malformed", "Bad Key")];
    case "references":
      return [
        valid("references", () => [STORED[rule.to]]),
        invalid("listed twice", [STORED[rule.to], STORED[rule.to]]),
        invalid("unknown", [UNKNOWN[rule.to]]),
      ];
    default:
      return [];
  }
}

/** A valid value for a field a new record or part needs. */
function validValue(field: Field): unknown {
  if (field.rule.kind === "parts") return [];
  return samples(field.rule)[0]?.value();
}

/** Every required field of `fields` with a valid value (the base each case changes one field of). */
function base(fields: Fields, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const values = Object.fromEntries(
    Object.entries(fields)
      .filter(([, field]) => field.required)
      .map(([name, field]) => [name, validValue(field)]),
  );
  return { ...values, ...overrides };
}

interface Case {
  recordType: RecordTypeName;
  label: string;
  /** Builds the input (fresh keys each call): one for the mutation, one for the import. */
  entry: () => Record<string, unknown>;
}

/** The cases of one field: its own values, or, for parts and nested objects, each of their fields' values. */
function fieldCases(recordType: RecordTypeName, name: string, field: Field): Case[] {
  const fields = RECORDS[recordType].fields as Fields;
  const rule = field.rule;
  if (rule.kind === "parts" || rule.kind === "object") {
    const part = rule.part.fields;
    return Object.entries(part).flatMap(([partName, partField]) =>
      samples(partField.rule).map((sample) => ({
        recordType,
        label: `${name}.${partName}: ${sample.label}`,
        entry: () => {
          const value = base(part, { [partName]: sample.value() });
          return base(fields, { [name]: rule.kind === "parts" ? [value] : value });
        },
      })),
    );
  }
  return samples(rule).map((sample) => ({
    recordType,
    label: `${name}: ${sample.label}`,
    entry: () => base(fields, { [name]: sample.value() }),
  }));
}

/** The fields a create mutation takes (nested outcome entries are written by createOutcome, not createMeeting). */
async function inputFields(recordType: RecordTypeName): Promise<Set<string>> {
  const data = await api.edit<{ __type: { inputFields: { name: string }[] } }>(
    `query($name: String!) { __type(name: $name) { inputFields { name } } }`,
    { name: `Create${recordType}Input` },
  );
  return new Set(data.__type.inputFields.map((field) => field.name));
}

async function allCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const recordType of RECORD_TYPE_NAMES) {
    const given = await inputFields(recordType);
    for (const [name, field] of Object.entries(RECORDS[recordType].fields as Fields)) {
      if (given.has(name)) cases.push(...fieldCases(recordType, name, field));
    }
  }
  return cases;
}

/** The rules across fields, each with values that break it. */
const CHECK_CASES: Case[] = [
  {
    recordType: "Meeting",
    label: "a MONTH date not on the first",
    entry: () => ({ ...base(RECORDS.Meeting.fields), date: "2026-01-20", datePrecision: "MONTH" }),
  },
  {
    recordType: "Meeting",
    label: "a YEAR date not on January 1",
    entry: () => ({ ...base(RECORDS.Meeting.fields), date: "2026-03-01", datePrecision: "YEAR" }),
  },
  {
    recordType: "Meeting",
    label: "a meeting following up on itself",
    entry: () => {
      const slug = fresh();
      return { ...base(RECORDS.Meeting.fields), slug, precededBy: [slug] };
    },
  },
  {
    recordType: "Meeting",
    label: "an official taking part twice",
    entry: () => ({
      ...base(RECORDS.Meeting.fields),
      participants: [{ official: "fabien-mandon" }, { official: "fabien-mandon" }],
    }),
  },
  {
    recordType: "Coalition",
    label: "a membership ending before it began",
    entry: () => ({ ...base(RECORDS.Coalition.fields), members: [{ state: "FR", since: "2025-03-02", until: "2024-01-01" }] }),
  },
  {
    recordType: "Official",
    label: "a position ending before it began",
    entry: () => ({
      ...base(RECORDS.Official.fields),
      positions: [{ title: [{ lang: "en", text: "T" }], since: "2025-03-02", until: "2024-01-01" }],
    }),
  },
];

interface Answer {
  accepted: boolean;
  problems: string[];
}

function answerOf(body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }, prefix: RegExp): Answer {
  const error = body.errors?.[0];
  if (!error) return { accepted: true, problems: [] };
  assert.equal(error.extensions?.code, "BAD_USER_INPUT", JSON.stringify(body.errors));
  const problems = (error.extensions?.problems ?? []) as { path: string; message: string }[];
  return {
    accepted: false,
    problems: problems.map((problem) => `${problem.path.replace(prefix, "")}: ${problem.message}`).sort(),
  };
}

async function throughMutation(recordType: RecordTypeName, input: Record<string, unknown>): Promise<Answer> {
  const body = await api.as(
    Role.EDITOR,
    `mutation($input: Create${recordType}Input!) { create${recordType}(input: $input) { __typename } }`,
    { input },
  );
  return answerOf(body, /^input\.?/);
}

async function throughImport(recordType: RecordTypeName, entry: Record<string, unknown>): Promise<Answer> {
  const { section } = RECORDS[recordType];
  const body = await api.as(Role.EDITOR, `mutation($bundle: JSON!) { importRecords(bundle: $bundle) { created } }`, {
    bundle: { [section]: [entry] },
  });
  return answerOf(body, new RegExp(`^${section}\\[0\\]\\.?`));
}

test("every validated field of every record type: a mutation and an import accept and refuse the same values, with the same problems", async () => {
  const cases = [...(await allCases()), ...CHECK_CASES];
  const disagreements: string[] = [];
  const seen = { accepted: 0, refused: 0 };
  for (const { recordType, label, entry } of cases) {
    const mutation = await throughMutation(recordType, entry());
    const imported = await throughImport(recordType, entry());
    seen[mutation.accepted ? "accepted" : "refused"] += 1;
    if (JSON.stringify(mutation) !== JSON.stringify(imported))
      disagreements.push(`${recordType} ${label}: mutation ${JSON.stringify(mutation)} / import ${JSON.stringify(imported)}`);
  }
  assert.deepEqual(disagreements, []);
  console.log(`parity: ${cases.length} cases, ${seen.accepted} accepted and ${seen.refused} refused both ways`);
  // The generator produced both kinds for every type (a generator that only sent valid values could not fail).
  assert.ok(seen.accepted > 20 && seen.refused > 50, JSON.stringify(seen));
  for (const recordType of RECORD_TYPE_NAMES)
    assert.ok(
      cases.some((entry) => entry.recordType === recordType),
      recordType,
    );
});
