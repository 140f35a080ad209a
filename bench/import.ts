/**
 * `npm run bench:import [-- --meetings 2000,20000] [--admin-url URL]`: times imports of generated bundles
 * (bench/import-timing.ts) and prints records per second, without the read workloads (`npm run bench` runs
 * both and writes the figures to RESULTS.md).
 */
import { parseArgs } from "node:util";
import { timeImport } from "./import-timing";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      meetings: { type: "string", default: "2000,20000" },
      "admin-url": { type: "string", default: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const sizes = values.meetings.split(",").map((size) => Number(size.trim()));
  console.log("meetings  records  child rows  seconds  records/s");
  for (const meetings of sizes) {
    const figure = await timeImport(values["admin-url"], meetings);
    console.log(
      `${String(figure.meetings).padStart(8)} ${String(figure.records).padStart(8)} ${String(figure.childRows).padStart(11)} ` +
        `${figure.seconds.toFixed(1).padStart(8)} ${Math.round(figure.recordsPerSecond).toString().padStart(10)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
