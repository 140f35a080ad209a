import type { EntityManager } from "typeorm";
import { Source } from "../entities/source.entity";
import type { Entry } from "../records";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { findStored, NO_CHILDREN, upsertRecord } from "./record-upsert";

export async function upsertSource(manager: EntityManager, source: Entry<"Source">, keys: RecordKeys): Promise<UpsertAction> {
  const existing = await findStored(manager, Source, source, { slug: source.slug });
  const values = {
    slug: source.slug,
    kind: source.kind,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    language: source.language,
    publishedAt: source.publishedAt,
  };
  const { id, action } = await upsertRecord(manager, Source, existing, values, NO_CHILDREN);
  keys.set("source", source.slug, id);
  return action;
}
