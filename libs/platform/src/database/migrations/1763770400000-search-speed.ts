import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that let the PostgreSQL search engine fill a page from its best rank tiers.
 * A GIN over one field weight of `search_text` (ts_filter: headline A, skills B,
 * industries and role C) answers "the word is in this field" from the index alone,
 * where a weight-labelled query on the whole tsvector must recheck every candidate.
 * They are expression indexes, so the rows (read by every count) grow by nothing.
 * The btree indexes serve the non-text filters that are selective on their own.
 */
export class SearchSpeed1763770400000 implements MigrationInterface {
  name = 'SearchSpeed1763770400000';

  async up(db: QueryRunner): Promise<void> {
    for (const weight of ['a', 'b', 'c']) {
      await db.query(
        `CREATE INDEX mentor_search_text_${weight}_idx ON mentor_search_documents
         USING gin (ts_filter(search_text, '{${weight}}'))`,
      );
    }
    await db.query(`CREATE INDEX mentor_search_time_zone_idx ON mentor_search_documents (time_zone)`);
    await db.query(`CREATE INDEX mentor_search_rating_average_idx ON mentor_search_documents (rating_average)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const weight of ['a', 'b', 'c']) await db.query(`DROP INDEX IF EXISTS mentor_search_text_${weight}_idx`);
    await db.query(`DROP INDEX IF EXISTS mentor_search_time_zone_idx`);
    await db.query(`DROP INDEX IF EXISTS mentor_search_rating_average_idx`);
  }
}
