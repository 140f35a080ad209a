import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import type { RequestContext } from "../context";
import { ApiKey } from "../entities/api-key.entity";
import { SavedQueryVersion } from "../entities/saved-query-version.entity";

/** Per-request loaders of what SavedQuery fields need: one statement per batch. */
export interface SavedQueryLoaders {
  versionsBySavedQuery: DataLoader<number, SavedQueryVersion[]>;
  keyLabels: DataLoader<number, string | null>;
}

const loadersByContext = new WeakMap<RequestContext, SavedQueryLoaders>();

function createSavedQueryLoaders(dataSource: DataSource): SavedQueryLoaders {
  return {
    versionsBySavedQuery: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(SavedQueryVersion).find({
        where: { savedQueryId: In([...ids]) },
        order: { version: "DESC" },
      });
      return ids.map((id) => rows.filter((row) => row.savedQueryId === id));
    }),
    keyLabels: new DataLoader(async (ids) => {
      const keys = await dataSource
        .getRepository(ApiKey)
        .find({ where: { id: In([...ids]) }, select: { id: true, label: true } });
      return ids.map((id) => keys.find((key) => key.id === id)?.label ?? null);
    }),
  };
}

/** The loaders of this request (created on first use, gone with the context). */
export function savedQueryLoaders(context: RequestContext): SavedQueryLoaders {
  let loaders = loadersByContext.get(context);
  if (!loaders) {
    loaders = createSavedQueryLoaders(context.dataSource);
    loadersByContext.set(context, loaders);
  }
  return loaders;
}
