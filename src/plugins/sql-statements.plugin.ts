import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import { currentQueryCount } from "../db/query-counter";

/**
 * With EXPOSE_SQL_STATEMENTS=true, every response carries `extensions.sqlStatements`: the SQL statements the
 * request ran. Tests and the bench assert it (statements must grow with query depth, never with page size).
 */
export function sqlStatementsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, sqlStatements: currentQueryCount()?.statements ?? 0 };
        },
      };
    },
  };
}
