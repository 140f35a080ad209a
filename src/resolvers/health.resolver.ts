import { Query, Resolver } from "type-graphql";

@Resolver()
export class HealthResolver {
  @Query(() => String, { description: "The API version; a cheap query that proves the GraphQL endpoint answers." })
  apiVersion(): string {
    return "1";
  }
}
