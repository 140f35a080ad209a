import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `meeting_topic.coalition_id`: a copy of the meeting's coalition on each of its topic links, kept by triggers,
 * so that "how many of this coalition's meetings discussed these topics" (the canonical question's `totalCount`)
 * reads only the matching index entries. Without it the count hash-joins every meeting of the coalition with
 * every link to the topics: at 200k meetings 9,000 and 19,671 rows for 886 matches, ~3.5 ms against ~0.3 ms
 * (bench/NOTES.md). The triggers keep the copy true whatever writes the rows (mutations, imports, bulk SQL):
 * a link takes its meeting's coalition when written, and a meeting moved to another coalition moves its links.
 */
export class MeetingTopicCoalition1795566443300 implements MigrationInterface {
  name = "MeetingTopicCoalition1795566443300";

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The backfill rewrites every link: at 600k links it takes longer than a request's statement timeout.
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`ALTER TABLE "meeting_topic" ADD "coalition_id" integer`);
    await queryRunner.query(
      `UPDATE "meeting_topic" mt SET "coalition_id" = m."coalition_id" FROM "meeting" m WHERE m."id" = mt."meeting_id"`,
    );
    await queryRunner.query(`CREATE FUNCTION "meeting_topic_take_coalition"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.coalition_id := (SELECT m.coalition_id FROM meeting m WHERE m.id = NEW.meeting_id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "meeting_topic_take_coalition" BEFORE INSERT OR UPDATE ON "meeting_topic"
        FOR EACH ROW EXECUTE FUNCTION "meeting_topic_take_coalition"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "meeting_move_topic_links"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting_topic SET coalition_id = NEW.coalition_id WHERE meeting_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "meeting_move_topic_links" AFTER UPDATE OF "coalition_id" ON "meeting"
        FOR EACH ROW WHEN (OLD."coalition_id" IS DISTINCT FROM NEW."coalition_id") EXECUTE FUNCTION "meeting_move_topic_links"()`,
    );
    await queryRunner.query(
      `CREATE INDEX "meeting_topic_coalition_topic_idx" ON "meeting_topic" ("coalition_id", "topic_id", "meeting_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."meeting_topic_coalition_topic_idx"`);
    await queryRunner.query(`DROP TRIGGER "meeting_move_topic_links" ON "meeting"`);
    await queryRunner.query(`DROP FUNCTION "meeting_move_topic_links"()`);
    await queryRunner.query(`DROP TRIGGER "meeting_topic_take_coalition" ON "meeting_topic"`);
    await queryRunner.query(`DROP FUNCTION "meeting_topic_take_coalition"()`);
    await queryRunner.query(`ALTER TABLE "meeting_topic" DROP COLUMN "coalition_id"`);
  }
}
