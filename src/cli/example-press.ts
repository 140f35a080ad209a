/**
 * `npm run example:press`: the example press subgraph on PRESS_PORT (default 4200, where
 * gateway.config.example.json looks for it), with a few made-up articles about the demo meetings.
 * Then `GATEWAY_CONFIG=gateway.config.example.json npm run gateway` composes it with Chancery.
 */
import { ConfigError } from "../config";
import { EXAMPLE_ARTICLES, startPressSubgraph } from "../gateway/example-press-subgraph";
import { loadPressExamplePort } from "../gateway/gateway-config";

async function main(): Promise<void> {
  const press = await startPressSubgraph(EXAMPLE_ARTICLES, loadPressExamplePort());
  console.log(`Example press subgraph ready at ${press.url}`);
  const stop = () => {
    press.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.once("SIGHUP", stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `example press subgraph: ${(error as Error).message}`);
  process.exit(1);
});
