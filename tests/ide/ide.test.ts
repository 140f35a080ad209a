/**
 * The offline GraphiQL IDE (issue 9) in a real headless Chromium from the system packages, against the
 * real test server: it loads, runs the canonical question, shows the answer, saves the tab through the
 * saved-query panel, and no request leaves for another host. Each browser test opens its own page on a
 * fresh visitor's storage, so any one of them runs alone. Skipped only where /usr/bin/chromium is missing.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { type BrowserContext, chromium, type Locator, type Page, type Request } from "playwright-core";
import { canonicalQuestion } from "../../ide/src/example-tabs";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { seedDemoRecords } from "../../src/import/seed";
import { startTestServer, type TestServer } from "../support/server";

const chromiumPath = "/usr/bin/chromium";
const repoRoot = path.resolve(__dirname, "..", "..", "..");
const ideDirectory = path.join(repoRoot, "dist", "ide");
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const noChromium = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath} (apt-get install chromium)`;

let server: TestServer;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let editorKey: string;
const requestedUrls: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

/** `npm run build` builds the IDE; a bare `tsc` run does not, so build it here when it is missing. */
function ensureIdeBuilt(): void {
  if (existsSync(path.join(ideDirectory, "index.html"))) return;
  execFileSync(process.execPath, [path.join(repoRoot, "ide", "build.mjs")], { cwd: repoRoot, stdio: "inherit" });
}

before(async () => {
  ensureIdeBuilt();
  server = await startTestServer();
  await seedDemoRecords(server.db.dataSource);
  editorKey = (await createApiKey(server.db.dataSource, { role: Role.EDITOR, label: "ide-test" })).secret;
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await server?.close();
});

/** A new page on the IDE, as a first-time visitor sees it (GraphiQL keeps its tabs in localStorage). */
async function openIde(onRequest?: (request: Request) => void): Promise<Page> {
  if (!context) {
    userDataDir = mkdtempSync(path.join(tmpdir(), "chancery-ide-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    context.on("request", (request) => requestedUrls.push(request.url()));
  }
  const page = await context.newPage();
  await page.addInitScript("localStorage.clear()");
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  if (onRequest) page.on("request", onRequest);
  await page.goto(server.url, { waitUntil: "load" });
  await page.locator(".graphiql-container").waitFor();
  return page;
}

async function openSavedPanel(): Promise<{ page: Page; panel: Locator }> {
  const page = await openIde();
  await page.getByRole("button", { name: "Show Saved queries" }).click();
  const panel = page.locator(".chancery-saved");
  await panel.waitFor();
  return { page, panel };
}

function foreignRequests(): string[] {
  return requestedUrls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== server.origin);
}

/** Puts the API key into the active tab's headers editor (the Monaco model GraphiQL reads the headers from). */
async function setRequestHeaders(page: Page, headers: Record<string, string>): Promise<void> {
  await page.evaluate((text) => {
    type Model = { uri: { path: string }; setValue(value: string): void };
    const monaco = (globalThis as unknown as { __MONACO: { editor: { getModels(): Model[] } } }).__MONACO;
    const model = monaco.editor.getModels().find((candidate) => candidate.uri.path.endsWith("request-headers.json"));
    if (!model) throw new Error("no headers editor model");
    model.setValue(text);
  }, JSON.stringify(headers));
}

test("a browser GET /graphql gets the IDE page with a same-origin-only policy; API clients still get GraphQL", async () => {
  const page = await fetch(server.url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
  assert.match(page.headers.get("content-security-policy") ?? "", /connect-src 'self'/);
  const html = await page.text();
  assert.match(html, /<script type="module" src="\/ide\/main\.js">/);
  assert.doesNotMatch(html, /https?:\/\//, "the page refers to no other host");

  const script = await fetch(`${server.origin}/ide/main.js`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get("content-type") ?? "", /javascript/);
  const worker = await fetch(`${server.origin}/ide/workers/graphql.worker.js`);
  assert.equal(worker.status, 200);
  const notBuilt = await fetch(`${server.origin}/ide/src/example-tabs.js`);
  assert.equal(notBuilt.status, 404, "only what ide/build.mjs writes is served");

  const api = await fetch(`${server.url}?query=${encodeURIComponent("{ apiVersion }")}`, {
    headers: { accept: "application/json", "apollo-require-preflight": "true" },
  });
  assert.deepEqual(((await api.json()) as { data?: unknown }).data, { apiVersion: "1" });
  const post = await server.graphql("{ apiVersion }", undefined, { accept: "text/html, application/json;q=0.9" });
  assert.deepEqual(post.body.data, { apiVersion: "1" });
});

test("the IDE's stylesheets and scripts load no fonts, styles or scripts from another host", () => {
  const files = readdirSync(ideDirectory, { recursive: true, encoding: "utf8" }).filter((file) => /\.(css|js|html)$/.test(file));
  assert.ok(files.length > 3, "the IDE bundle is built");
  for (const file of files) {
    const text = readFileSync(path.join(ideDirectory, file), "utf8");
    assert.doesNotMatch(text, /url\(\s*["']?https?:/, `${file} has a CSS url() to another host`);
    assert.doesNotMatch(text, /@import\s+(url\()?["']?https?:/, `${file} imports CSS from another host`);
    assert.doesNotMatch(text, /import\s*\(\s*["']https?:/, `${file} imports a module from another host`);
    assert.doesNotMatch(text, /fonts\.(googleapis|gstatic)\.com/, `${file} refers to a web-font service`);
  }
});

test("the IDE opens on the example tabs, runs the canonical question and shows the answer", { skip: noChromium }, async (t) => {
  const page = await openIde();
  t.after(() => page.close());

  const firstTab = page.locator(".graphiql-tab").first();
  await firstTab.waitFor();
  assert.match((await firstTab.textContent()) ?? "", /TroopDeploymentMeetings/);
  assert.ok((await page.locator(".graphiql-tab").count()) >= 5, "the example tabs are open");

  await page.locator(".graphiql-query-editor .view-lines").getByText("TroopDeploymentMeetings").waitFor();
  const answer = page.waitForResponse((response) => response.request().postData()?.includes("TroopDeploymentMeetings") ?? false);
  await page.locator(".graphiql-execute-button").click();
  const body = (await (await answer).json()) as {
    data?: { coalition: { meetings: { totalCount: number; nodes: { slug: string }[] } } };
    errors?: unknown[];
  };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.ok(body.data && body.data.coalition.meetings.totalCount >= 1, "the canonical question has an answer");
  const response = page.locator(".graphiql-response");
  await response.getByText(body.data.coalition.meetings.nodes[0].slug).first().waitFor();
  assert.match((await response.textContent()) ?? "", /totalCount/);

  const screenshotPath = process.env.IDE_SCREENSHOT;
  if (screenshotPath) {
    await page.locator(".graphiql-toggle-editor-tools").click();
    await page.screenshot({ path: screenshotPath });
    await page.locator(".graphiql-toggle-editor-tools").click();
  }
});

test("the saved-query panel saves the current tab through saveQuery", { skip: noChromium }, async (t) => {
  const { page, panel } = await openSavedPanel();
  t.after(() => page.close());
  const form = panel.locator("form.chancery-saved-form");
  await form.waitFor();
  await page.locator(".graphiql-query-editor .view-lines").getByText("TroopDeploymentMeetings").waitFor();
  await setRequestHeaders(page, { Authorization: `Bearer ${editorKey}` });
  await form.locator('input[name="name"]').fill("troop-deployment-meetings");
  await form.locator('input[name="title"]').fill("Troop deployment meetings");
  await form.locator('textarea[name="description"]').fill("The canonical question, saved from the IDE");
  await form.getByRole("button", { name: "Save query" }).click();
  await form.locator(".chancery-saved-status").waitFor();
  assert.match((await form.locator(".chancery-saved-status").textContent()) ?? "", /Saved "troop-deployment-meetings"/);
  await panel.locator('.chancery-saved-item[data-name="troop-deployment-meetings"]').waitFor();
  if (process.env.IDE_PANEL_SCREENSHOT) await page.screenshot({ path: process.env.IDE_PANEL_SCREENSHOT });

  const saved = await server.graphql<{ savedQuery: { title: string; document: string } | null }>(
    '{ savedQuery(name: "troop-deployment-meetings") { title document } }',
    undefined,
    { authorization: `Bearer ${editorKey}` },
  );
  assert.equal(saved.body.data?.savedQuery?.title, "Troop deployment meetings");
  assert.match(saved.body.data?.savedQuery?.document ?? "", /query TroopDeploymentMeetings/);
});

test("the panel searches the library, opens a saved query in a new tab and downloads it as CSV", {
  skip: noChromium,
}, async (t) => {
  const saved = await server.graphql(
    `mutation Save($input: SaveQueryInput!) { saveQuery(input: $input) { name } }`,
    { input: { name: "troop-deployment-library", title: "Troop deployment meetings", document: canonicalQuestion } },
    { authorization: `Bearer ${editorKey}` },
  );
  assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
  const { page, panel } = await openSavedPanel();
  t.after(() => page.close());
  const item = panel.locator('.chancery-saved-item[data-name="troop-deployment-library"]');
  await item.waitFor();
  const search = panel.getByRole("searchbox", { name: "Search saved queries" });
  await search.fill("no-such-saved-query");
  await panel.getByText("No saved queries match.").waitFor();
  await search.fill("troop");
  await item.waitFor();

  const tabsBefore = await page.locator(".graphiql-tab").count();
  await item.getByRole("button", { name: "Open in tab" }).click();
  await page.locator(".graphiql-tab").nth(tabsBefore).waitFor();
  assert.equal(await page.locator(".graphiql-tab").count(), tabsBefore + 1);
  await page.locator(".graphiql-query-editor .view-lines").getByText("TroopDeploymentMeetings").waitFor();

  const download = page.waitForEvent("download");
  await item.getByRole("button", { name: "CSV" }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  assert.match(header, /slug/);
  assert.ok(
    rows.some((row) => row.includes("coalition-leaders-paris-2026-01-06")),
    csv,
  );
});

test("no request left for another host, and Monaco's workers came from the server", { skip: noChromium }, async (t) => {
  let workerUrl = (_url: string) => {};
  const workerRequested = new Promise<string>((resolve) => {
    workerUrl = resolve;
  });
  const page = await openIde((request) => {
    if (request.url().includes("/ide/workers/")) workerUrl(request.url());
  });
  t.after(() => page.close());
  assert.equal(new URL(await workerRequested).origin, server.origin, "Monaco's workers came from the server");
  assert.deepEqual(foreignRequests(), [], "every request went to the test server");
  assert.deepEqual(pageErrors, [], "no uncaught errors in the page");
  const blocked = consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text));
  assert.deepEqual(blocked, [], "the page's policy blocked nothing it needs");
});
