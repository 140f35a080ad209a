import type { NonEmptyArray } from "type-graphql";
import { HealthResolver } from "./health.resolver";

/** Every resolver class of the schema. */
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const resolvers: NonEmptyArray<Function> = [HealthResolver];
