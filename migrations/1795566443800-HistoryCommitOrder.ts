import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * History ids follow commit order. Live updates deliver the history by id from a cursor: if a transaction
 * that took id 7 committed after one that took id 8, a reader that already passed 8 would never see 7.
 * Every statement that appends to `record_change` first takes a transaction-scoped advisory lock ("CHHO"),
 * before any of its rows gets an id, and holds it until commit, so ids are handed out in the order
 * transactions commit. In the database, so that no write path can forget it; the application appends a
 * transaction's history as its last statement before COMMIT (src/history/record-change.ts), so the lock
 * is held for that statement and the commit only.
 */
export class HistoryCommitOrder1795566443800 implements MigrationInterface {
  name = "HistoryCommitOrder1795566443800";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION record_change_in_commit_order() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(1128810575);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER record_change_in_commit_order BEFORE INSERT ON "record_change" FOR EACH STATEMENT EXECUTE FUNCTION record_change_in_commit_order()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "record_change_in_commit_order" ON "record_change"`);
    await queryRunner.query(`DROP FUNCTION record_change_in_commit_order()`);
  }
}
