import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Live updates (src/live/): every statement that appends to the change history announces, on the
 * channel `chancery_changes`, the highest id it appended. A NOTIFY is delivered only when its
 * transaction commits, so instances hear of committed changes only; the payload names the change and
 * the history holds the rest. One NOTIFY per statement (REFERENCING NEW TABLE) covers bulk inserts too.
 */
export class ChangeNotify1795566443700 implements MigrationInterface {
  name = "ChangeNotify1795566443700";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION record_change_notify() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        newest integer;
      BEGIN
        SELECT max(id) INTO newest FROM appended;
        IF newest IS NOT NULL THEN
          PERFORM pg_notify('chancery_changes', newest::text);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER record_change_notify AFTER INSERT ON "record_change" REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION record_change_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "record_change_notify" ON "record_change"`);
    await queryRunner.query(`DROP FUNCTION record_change_notify()`);
  }
}
