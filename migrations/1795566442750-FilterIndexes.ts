import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes for the filters' hot paths, found with EXPLAIN at 200k meetings (tests/filters/explain-canonical.ts):
 * - The default meeting order is `date DESC NULLS LAST, slug ASC`. A backward scan of (date, slug) yields
 *   `date DESC NULLS FIRST, slug DESC`, so without these PostgreSQL sorted every meeting of a coalition (or all
 *   200k) to return 20; with them the canonical page reads ~100 index entries and stops.
 * Written by hand (TypeORM cannot express DESC NULLS LAST); declared with `synchronize: false` on the entity.
 */
export class FilterIndexes1795566442750 implements MigrationInterface {
  name = "FilterIndexes1795566442750";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "meeting_date_desc_idx" ON "meeting" ("date" DESC NULLS LAST, "slug")`);
    await queryRunner.query(
      `CREATE INDEX "meeting_coalition_date_desc_idx" ON "meeting" ("coalition_id", "date" DESC NULLS LAST, "slug")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."meeting_coalition_date_desc_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_date_desc_idx"`);
  }
}
