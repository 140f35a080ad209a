import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes for `totalCount` of topic-filtered meeting lists (the canonical question), found with EXPLAIN ANALYZE
 * on the bench dataset: counting a coalition's meetings that discussed a topic read every meeting row of the
 * coalition (a bitmap heap scan) to get their ids, then probed `meeting_topic` once per meeting. With both, the
 * count is a hash semi-join of two index-only scans: 3.1 → ~1 ms of PostgreSQL CPU per count at 20k meetings;
 * at 200k the topic side alone went from a 12 ms bitmap heap scan to a 3 ms index-only scan (bench/NOTES.md).
 * The meeting index is declared with `synchronize: false` on the entity; the junction table has no entity, so
 * the schema check in tests/server/migrations.test.ts names its index.
 */
export class CountIndexes1795566443200 implements MigrationInterface {
  name = "CountIndexes1795566443200";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "meeting_coalition_id_idx" ON "meeting" ("coalition_id", "id")`);
    await queryRunner.query(`CREATE INDEX "meeting_topic_topic_meeting_idx" ON "meeting_topic" ("topic_id", "meeting_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."meeting_topic_topic_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_coalition_id_idx"`);
  }
}
