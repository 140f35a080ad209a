import type { DataSource } from "typeorm";
import { SavedQuery } from "../entities/saved-query.entity";

/** How many documents registered by clients (automatic persisted queries) are kept in memory. */
const MAX_REGISTERED = 1000;

/**
 * Apollo's persisted-query cache (keys `apq:<sha256>`): every saved query's document is always there,
 * looked up by its hash, so a client may run a saved query by sending only its hash. Documents clients
 * register themselves are kept in memory, oldest dropped first. Shaped as Apollo's KeyValueCache.
 */
export class PersistedQueryCache {
  private readonly registered = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  private static hashOf(key: string): string {
    return key.slice(key.lastIndexOf(":") + 1);
  }

  async get(key: string): Promise<string | undefined> {
    const hash = PersistedQueryCache.hashOf(key);
    const registered = this.registered.get(hash);
    if (registered !== undefined) return registered;
    if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const saved = await this.dataSource
      .getRepository(SavedQuery)
      .findOne({ where: { documentHash: hash }, select: { document: true } });
    return saved?.document;
  }

  async set(key: string, value: string): Promise<void> {
    const hash = PersistedQueryCache.hashOf(key);
    this.registered.delete(hash);
    this.registered.set(hash, value);
    if (this.registered.size > MAX_REGISTERED) {
      const oldest = this.registered.keys().next().value;
      if (oldest !== undefined) this.registered.delete(oldest);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.registered.delete(PersistedQueryCache.hashOf(key));
  }
}
