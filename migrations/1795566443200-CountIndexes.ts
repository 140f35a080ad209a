import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An index for `totalCount` of topic-filtered meeting lists (the canonical question), found with EXPLAIN
 * ANALYZE on the bench dataset: counting a coalition's meetings that discussed a topic read every meeting row
 * of the coalition (a bitmap heap scan over ~650 pages at 20k meetings) to get their ids, then probed
 * `meeting_topic` once per meeting. With the ids in an index, the count is an index-only scan hash-joined with
 * the topic's `meeting_topic` rows: 3.1 → 1.1 ms of PostgreSQL CPU per count at 20k meetings (bench/NOTES.md).
 * Declared with `synchronize: false` on the entity.
 */
export class CountIndexes1795566443200 implements MigrationInterface {
  name = "CountIndexes1795566443200";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "meeting_coalition_id_idx" ON "meeting" ("coalition_id", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."meeting_coalition_id_idx"`);
  }
}
