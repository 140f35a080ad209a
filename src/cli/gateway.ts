/**
 * `npm run gateway`: an Apollo Gateway on GATEWAY_PORT (default 4100) composing this service with the
 * subgraphs named in GATEWAY_CONFIG (default gateway.config.json). Composition errors are printed in
 * one block and the process exits 1.
 */
import { ConfigError } from "../config";
import { CompositionError } from "../gateway/compose-supergraph";
import { loadGatewayConfig } from "../gateway/gateway-config";
import { startGateway } from "../gateway/gateway-server";
import { createLogger } from "../logger";

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger(process.env.LOG_LEVEL || "info");
  const gateway = await startGateway({ subgraphs: config.subgraphs, port: config.port, log, timeouts: config });
  console.log(`Gateway ready at ${gateway.url} (subgraphs: ${config.subgraphs.map((s) => `${s.name} ${s.url}`).join(", ")})`);
  const stop = () => {
    gateway.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.once("SIGHUP", stop);
}

main().catch((error) => {
  if (error instanceof CompositionError || error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
