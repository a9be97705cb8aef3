import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search engine's own denormalised index, written only by the indexer.
 * It is not a view over mentor_profiles: the indexer decides what is searchable, a
 * full reindex builds a twin table aside and swaps it in, and search never joins.
 * `search_text` is prepared by the engine (weights A..D by field); `mentor_search_words`
 * is the vocabulary used for typo tolerance.
 */
export class MentorSearch1763770200000 implements MigrationInterface {
  name = 'MentorSearch1763770200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentor_search_documents (
        id uuid PRIMARY KEY,
        version int NOT NULL,
        headline text NOT NULL,
        bio text NOT NULL,
        skills text[] NOT NULL,
        skill_slugs text[] NOT NULL,
        industries text[] NOT NULL,
        industry_slugs text[] NOT NULL,
        role_title text,
        company text,
        languages text[] NOT NULL,
        formats text[] NOT NULL,
        price_cents int,
        price_band text NOT NULL,
        years_of_experience int NOT NULL,
        rating_score double precision NOT NULL,
        rating_average double precision,
        accepting_requests boolean NOT NULL,
        time_zone text NOT NULL,
        country_code text,
        published_at_ms double precision NOT NULL,
        search_text tsvector NOT NULL
      )`);
    // Ranking reads search_text several times per candidate: it stays inline and
    // uncompressed where it fits, and the long bio goes out of line instead.
    // (Measured: a separate out-of-line tsvector for the bio made broad queries 2-3x
    // slower, since most candidates then match only there and must be detoasted.)
    await db.query(`ALTER TABLE mentor_search_documents ALTER COLUMN search_text SET STORAGE MAIN`);
    await db.query(`ALTER TABLE mentor_search_documents ALTER COLUMN bio SET STORAGE EXTERNAL`);
    await db.query(`CREATE INDEX mentor_search_text_idx ON mentor_search_documents USING gin (search_text)`);
    await db.query(
      `CREATE INDEX mentor_search_default_order_idx ON mentor_search_documents (rating_score DESC, published_at_ms DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX mentor_search_newest_idx ON mentor_search_documents (published_at_ms DESC, id DESC)`);
    await db.query(`CREATE INDEX mentor_search_skills_idx ON mentor_search_documents USING gin (skill_slugs)`);
    await db.query(`CREATE INDEX mentor_search_industries_idx ON mentor_search_documents USING gin (industry_slugs)`);

    // Every word ever indexed; typo candidates are found by trigram distance (GiST KNN).
    await db.query(`CREATE TABLE mentor_search_words (word text PRIMARY KEY)`);
    await db.query(`CREATE INDEX mentor_search_words_trgm_idx ON mentor_search_words USING gist (word gist_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS mentor_search_words`);
    await db.query(`DROP TABLE IF EXISTS mentor_search_documents`);
  }
}
