import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../support/server";
import { insertReadFixture } from "./read-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await insertReadFixture(server.db.dataSource);
});
after(() => server.close());

test("localized fields answer in the language asked, else English, else the first language held", async () => {
  const { body } = await server.graphql(`{
    coalition(slug: "coalition-of-the-willing") { en: name ru: name(lang: "ru") uk: name(lang: "uk") regional: name(lang: "ru-RU") missing: name(lang: "ja") }
    other: coalition(slug: "other-coalition") { name ru: name(lang: "ru") fr: name(lang: "fr") names { lang text } }
    official(slug: "fabien-mandon") { positions(asOf: "2026-01-01") { title ru: title(lang: "ru") } } }`);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.deepEqual(body.data, {
    coalition: {
      en: "Coalition of the Willing",
      ru: "Коалиция желающих",
      uk: "Коаліція охочих",
      regional: "Коалиция желающих",
      missing: "Coalition of the Willing",
    },
    other: {
      name: "Andere Koalition",
      ru: "Andere Koalition",
      fr: "Autre coalition",
      names: [
        { lang: "de", text: "Andere Koalition" },
        { lang: "fr", text: "Autre coalition" },
      ],
    },
    official: { positions: [{ title: "Chief of the Defence Staff", ru: "Начальник штаба" }] },
  });
});
