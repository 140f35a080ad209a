/**
 * The offline GraphiQL IDE: `GET /graphql` from a browser (a request that prefers text/html to JSON)
 * answers the IDE's page, and `/ide/*` serves its bundle from dist/ide, built by
 * `npm run build:ide` (ide/build.mjs). The page's Content-Security-Policy lets it load and call
 * nothing but this server, so the IDE works with no internet and sends nothing elsewhere.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";

/** dist/ide, next to the compiled server (this file compiles to dist/src/http/ide.route.js). */
export function defaultIdeDirectory(): string {
  return path.resolve(__dirname, "..", "..", "ide");
}

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/**
 * A browser navigating to the endpoint: it prefers text/html to JSON. Such a GET never reaches Apollo,
 * whose own landing page would load its scripts from a CDN; API clients ask for JSON (or anything).
 */
export function wantsIde(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  return req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

function sendIdePage(indexFile: string, res: Response): void {
  if (!existsSync(indexFile)) {
    res
      .status(503)
      .type("text/plain")
      .send("The GraphQL IDE is not built: run `npm run build:ide`. The API itself answers POST /graphql.\n");
    return;
  }
  res.setHeader("Content-Security-Policy", contentSecurityPolicy);
  res.setHeader("Cache-Control", "no-cache");
  res.setHeader("Vary", "Accept");
  res.sendFile(indexFile);
}

/** Content-hashed chunks never change; entry files and workers keep their names, so they are revalidated. */
function setAssetCaching(res: Response, filePath: string): void {
  const immutable = filePath.includes(`${path.sep}chunks${path.sep}`);
  res.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
}

/** What ide/build.mjs writes; dist/ide/src holds tsc's output of modules the tests import, not served. */
function isBuiltAsset(requestPath: string): boolean {
  return /^\/(main\.(js|css)|(chunks|workers|assets)\/[^/]+)$/.test(requestPath);
}

/** Router to mount BEFORE the GraphQL middleware: the IDE page on GET /graphql and its assets under /ide. */
export function createIdeRouter(ideDirectory = defaultIdeDirectory()): express.Router {
  const router = express.Router();
  const indexFile = path.join(ideDirectory, "index.html");
  router.get("/graphql", (req, res, next) => (wantsIde(req) ? sendIdePage(indexFile, res) : next()));
  const assets = express.static(ideDirectory, { index: false, setHeaders: setAssetCaching });
  router.use("/ide", (req, res, next) => (isBuiltAsset(req.path) ? assets(req, res, next) : next()));
  return router;
}
