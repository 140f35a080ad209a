import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { ApiKey } from "../entities/api-key.entity";
import { Role } from "./role";

/** Every secret starts with this, so leaked keys are recognisable (by secret scanners too). */
export const API_KEY_PREFIX = "chy_";

/** `chy_` and 43 base64url characters (32 random bytes). */
const API_KEY_PATTERN = /^chy_[A-Za-z0-9_-]{43}$/;

/** What `list` shows of a key: never the secret or its hash. */
export interface ApiKeySummary {
  id: number;
  label: string;
  role: Role;
  secretPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export class ApiKeyError extends Error {}

export function looksLikeApiKey(secret: string): boolean {
  return API_KEY_PATTERN.test(secret);
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function parseRole(raw: string): Role {
  const role = Object.values(Role).find((value) => value === raw.toUpperCase());
  if (!role) throw new ApiKeyError(`unknown role ${JSON.stringify(raw)} (expected ${Object.values(Role).join(", ")})`);
  return role;
}

function summarize(key: ApiKey): ApiKeySummary {
  const { id, label, role, secretPrefix, createdAt, lastUsedAt, revokedAt } = key;
  return { id, label, role, secretPrefix, createdAt, lastUsedAt, revokedAt };
}

/** Creates a key and returns its secret: the only time the secret exists outside the holder's hands. */
export async function createApiKey(
  dataSource: DataSource,
  input: { role: Role; label: string },
): Promise<{ key: ApiKeySummary; secret: string }> {
  const label = input.label.trim();
  if (label === "" || label.length > 100) throw new ApiKeyError("the label must be 1 to 100 characters");
  if ([...label].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new ApiKeyError("the label must not contain control characters");
  }
  if (/^\d+$/.test(label)) throw new ApiKeyError("the label must not be a number (revoke takes an id or a label)");
  const repository = dataSource.getRepository(ApiKey);
  if (await repository.existsBy({ label })) throw new ApiKeyError(`a key labelled ${JSON.stringify(label)} already exists`);
  const secret = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  const key = await repository.save(
    repository.create({
      label,
      role: input.role,
      secretHash: hashApiKey(secret),
      secretPrefix: secret.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    }),
  );
  return { key: summarize(key), secret };
}

export async function listApiKeys(dataSource: DataSource): Promise<ApiKeySummary[]> {
  const keys = await dataSource.getRepository(ApiKey).find({ order: { id: "ASC" } });
  return keys.map(summarize);
}

/** Revokes the key with this id (digits) or label; revoking a revoked key keeps its first revocation time. */
export async function revokeApiKey(dataSource: DataSource, idOrLabel: string): Promise<ApiKeySummary> {
  const repository = dataSource.getRepository(ApiKey);
  const key = /^\d+$/.test(idOrLabel)
    ? await repository.findOneBy({ id: Number(idOrLabel) })
    : await repository.findOneBy({ label: idOrLabel });
  if (!key) throw new ApiKeyError(`no API key with id or label ${JSON.stringify(idOrLabel)}`);
  if (!key.revokedAt) {
    key.revokedAt = new Date();
    await repository.update({ id: key.id }, { revokedAt: key.revokedAt });
  }
  return summarize(key);
}

/** The live (unrevoked) key with this secret, or null. */
export async function findLiveApiKey(dataSource: DataSource, secret: string): Promise<ApiKey | null> {
  if (!looksLikeApiKey(secret)) return null;
  const key = await dataSource.getRepository(ApiKey).findOneBy({ secretHash: hashApiKey(secret) });
  return key && !key.revokedAt ? key : null;
}

/** How stale `last_used_at` may get before a request refreshes it (saves a write per request). */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Records that the key was used, at most once a minute; a failure here never fails the request. */
export async function touchApiKey(dataSource: DataSource, key: ApiKey, now = new Date()): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await dataSource.getRepository(ApiKey).update({ id: key.id }, { lastUsedAt: now });
}
