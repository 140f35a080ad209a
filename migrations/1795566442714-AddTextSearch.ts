import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text and fuzzy search, written by hand: TypeORM cannot express expression indexes.
 * Localized jsonb text is indexed per language: English and Russian with their stemmers, every
 * other language with the `simple` configuration (PostgreSQL ships no Ukrainian stemmer).
 * Queries must use the exact expressions indexed here (see src/queries/text-search.ts).
 */
export class AddTextSearch1795566442714 implements MigrationInterface {
  name = "AddTextSearch1795566442714";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION localized_tsvector(t jsonb) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('english'::regconfig, coalesce(t->>'en', ''))
            || to_tsvector('russian'::regconfig, coalesce(t->>'ru', ''))
            || to_tsvector('simple'::regconfig, coalesce(
                 (SELECT string_agg(value, ' ') FROM jsonb_each_text(coalesce(t, '{}'::jsonb)) WHERE key NOT IN ('en', 'ru')), ''))
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION localized_tsquery(q text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT websearch_to_tsquery('english'::regconfig, q)
            || websearch_to_tsquery('russian'::regconfig, q)
            || websearch_to_tsquery('simple'::regconfig, q)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION localized_plain(t jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce((SELECT string_agg(value, ' ' ORDER BY key) FROM jsonb_each_text(coalesce(t, '{}'::jsonb))), '')
      $$`);
    // jsonb_build_object is only STABLE; a statement is in one language, so this wrapper is truly immutable.
    // Schema-qualified: PostgreSQL 17+ builds indexes with search_path = pg_catalog.
    await queryRunner.query(`
      CREATE FUNCTION text_tsvector(lang text, body text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT public.localized_tsvector(jsonb_build_object(coalesce(split_part(lang, '-', 1), 'und'), body))
      $$`);
    await queryRunner.query(
      `CREATE INDEX meeting_text_idx ON meeting USING gin ((localized_tsvector(title) || localized_tsvector(summary)))`,
    );
    await queryRunner.query(`CREATE INDEX outcome_text_idx ON outcome USING gin (localized_tsvector(summary))`);
    await queryRunner.query(`CREATE INDEX statement_text_idx ON statement USING gin (text_tsvector(lang, text))`);
    await queryRunner.query(`CREATE INDEX source_text_idx ON source USING gin (localized_tsvector(title))`);
    await queryRunner.query(`CREATE INDEX official_text_idx ON official USING gin (localized_tsvector(name))`);
    await queryRunner.query(`CREATE INDEX official_name_trgm_idx ON official USING gin (localized_plain(name) gin_trgm_ops)`);
    await queryRunner.query(`CREATE UNIQUE INDEX statement_natural_key ON statement (official_id, md5(text))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      "statement_natural_key",
      "official_name_trgm_idx",
      "official_text_idx",
      "source_text_idx",
      "statement_text_idx",
      "outcome_text_idx",
      "meeting_text_idx",
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    await queryRunner.query(`DROP FUNCTION text_tsvector(text, text)`);
    await queryRunner.query(`DROP FUNCTION localized_plain(jsonb)`);
    await queryRunner.query(`DROP FUNCTION localized_tsquery(text)`);
    await queryRunner.query(`DROP FUNCTION localized_tsvector(jsonb)`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
