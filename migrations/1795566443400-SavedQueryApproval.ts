import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The SAFELIST's curated list: which version of a saved query an ADMIN approved (or its EDITOR owner
 * published), when and by which key (src/entities/saved-query.entity.ts). Saved queries stored before
 * start unapproved: under SAFELIST=true nothing is admitted for anonymous and READER clients until approved.
 */
export class SavedQueryApproval1795566443400 implements MigrationInterface {
  name = "SavedQueryApproval1795566443400";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_query" ADD "approved_version" integer`);
    await queryRunner.query(`ALTER TABLE "saved_query" ADD "approved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "saved_query" ADD "approved_by_api_key_id" integer`);
    await queryRunner.query(
      `ALTER TABLE "saved_query" ADD CONSTRAINT "FK_e7ba54d4ce7cfbad23f769d4c1f" FOREIGN KEY ("approved_by_api_key_id") REFERENCES "api_key"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_query" DROP CONSTRAINT "FK_e7ba54d4ce7cfbad23f769d4c1f"`);
    await queryRunner.query(`ALTER TABLE "saved_query" DROP COLUMN "approved_by_api_key_id"`);
    await queryRunner.query(`ALTER TABLE "saved_query" DROP COLUMN "approved_at"`);
    await queryRunner.query(`ALTER TABLE "saved_query" DROP COLUMN "approved_version"`);
  }
}
