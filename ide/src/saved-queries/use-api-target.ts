import { useGraphiQL } from "@graphiql/react";
import { graphqlEndpoint, parseHeaders } from "../fetcher";
import type { ApiTarget } from "./saved-queries-api";

/** A getter for the endpoint plus the headers currently in the headers editor (read at call time). */
export function useApiTarget(): () => ApiTarget {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const tabHeaders = useGraphiQL((state) => state.tabs[state.activeTabIndex]?.headers ?? null);
  return () => ({ endpoint: graphqlEndpoint(), headers: parseHeaders(headerEditor?.getValue() ?? tabHeaders) });
}
