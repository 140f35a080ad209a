// Entry of the offline GraphiQL IDE served at GET /graphql. Monaco's workers are set up first.
import "./monaco-workers";
import "graphiql/style.css";
import "./ide.css";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { exampleTabs } from "./example-tabs";
import { createSameOriginFetcher, graphqlEndpoint } from "./fetcher";
import { savedQueriesPlugin } from "./saved-queries/saved-queries-plugin";

const fetcher = createSameOriginFetcher(graphqlEndpoint());
const defaultTabs = exampleTabs.map(({ query, variables }) => ({ query, variables: variables ?? null }));

/** The docs explorer is GraphiQL's reference plugin (always there); history must be listed with ours. */
function ChanceryIde() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      plugins={[HISTORY_PLUGIN, savedQueriesPlugin]}
      defaultEditorToolsVisibility
    >
      <GraphiQL.Logo>Chancery</GraphiQL.Logo>
    </GraphiQL>
  );
}

const container = document.getElementById("graphiql");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <ChanceryIde />
    </StrictMode>,
  );
}
