/** For the TypeORM CLI only (`typeorm migration:generate -d dist/src/data-source.js`): exactly one DataSource. */
import { createDataSource } from "./db/data-source";

export default createDataSource({ url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
