import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { SavedQuery } from "../entities/saved-query.entity";
import { checkSavedDocument } from "./document-check";

/** A saved query that no longer validates against the schema, and why. */
export interface BrokenSavedQuery {
  name: string;
  version: number;
  problems: string[];
}

/** Every saved query checked against `schema` (the current one): the ones that no longer validate. */
export async function findBrokenSavedQueries(
  dataSource: DataSource,
  schema: GraphQLSchema,
): Promise<{ checked: number; broken: BrokenSavedQuery[] }> {
  const savedQueries = await dataSource.getRepository(SavedQuery).find({ order: { name: "ASC" } });
  const broken: BrokenSavedQuery[] = [];
  for (const savedQuery of savedQueries) {
    const problems = checkSavedDocument(schema, savedQuery.document).map((problem) => problem.message);
    if (problems.length > 0) broken.push({ name: savedQuery.name, version: savedQuery.version, problems });
  }
  return { checked: savedQueries.length, broken };
}
