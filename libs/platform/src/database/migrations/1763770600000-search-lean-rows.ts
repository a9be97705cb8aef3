import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH_ROW_COLUMNS = `
  id uuid PRIMARY KEY,
  version int NOT NULL,
  facet_values text[] NOT NULL,
  facet_bounds smallint[] NOT NULL,
  price_cents int,
  years_of_experience int NOT NULL,
  rating_score double precision NOT NULL,
  rating_average double precision,
  accepting_requests boolean NOT NULL,
  time_zone text NOT NULL,
  country_code text,
  published_at_ms double precision NOT NULL,
  search_text tsvector NOT NULL`;

/**
 * Splits the PostgreSQL search index into a lean row per document (what matching,
 * filters, sorts, counts and facets read) and a side table of display texts (read only
 * for a page's highlights). Every count visits one heap row per candidate; at 100,000
 * mentors the rows were about 1.9 KB, the table outgrew shared_buffers and a broad word's
 * count read most of it from the OS cache. Facet values become one tagged array
 * (`i:fintech`, `s:python`, `l:en`, `f:GROUP`, `p:FREE`, and `*` on every document), so
 * one GIN index serves the array filters and one unnest counts every facet and the total;
 * the values are grouped by facet and `facet_bounds` says where each group ends, so a
 * facet counted under its own filter reads only its slice.
 * The rows are carried over in facet order (see PostgresSearchEngine.cluster): search
 * keeps working without a reindex.
 */
export class SearchLeanRows1763770600000 implements MigrationInterface {
  name = 'SearchLeanRows1763770600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentor_search_texts (
        id uuid PRIMARY KEY,
        version int NOT NULL,
        headline text NOT NULL,
        bio text NOT NULL,
        skills text[] NOT NULL,
        industries text[] NOT NULL,
        role_title text,
        company text
      )`);
    await db.query(`
      INSERT INTO mentor_search_texts (id, version, headline, bio, skills, industries, role_title, company)
      SELECT id, version, headline, bio, skills, industries, role_title, company FROM mentor_search_documents`);

    await db.query(`CREATE TABLE mentor_search_documents_lean (${SEARCH_ROW_COLUMNS})`);
    await db.query(`
      INSERT INTO mentor_search_documents_lean
      SELECT id, version,
             ARRAY['*']
               || ARRAY(SELECT 'i:' || v FROM unnest(industry_slugs) v)
               || ARRAY(SELECT 's:' || v FROM unnest(skill_slugs) v)
               || ARRAY(SELECT 'l:' || v FROM unnest(languages) v)
               || ARRAY(SELECT 'f:' || v FROM unnest(formats) v)
               || ARRAY['p:' || price_band],
             ARRAY[1,
                   1 + cardinality(industry_slugs),
                   1 + cardinality(industry_slugs) + cardinality(skill_slugs),
                   1 + cardinality(industry_slugs) + cardinality(skill_slugs) + cardinality(languages),
                   1 + cardinality(industry_slugs) + cardinality(skill_slugs) + cardinality(languages)
                     + cardinality(formats),
                   2 + cardinality(industry_slugs) + cardinality(skill_slugs) + cardinality(languages)
                     + cardinality(formats)]::smallint[],
             price_cents, years_of_experience, rating_score, rating_average, accepting_requests,
             time_zone, country_code, published_at_ms, search_text
        FROM mentor_search_documents
       ORDER BY 3`);
    await db.query(`DROP TABLE mentor_search_documents`);
    await db.query(`ALTER TABLE mentor_search_documents_lean RENAME TO mentor_search_documents`);
    await db.query(`ALTER INDEX mentor_search_documents_lean_pkey RENAME TO mentor_search_documents_pkey`);
    // Ranking reads search_text several times per candidate: inline where it fits.
    await db.query(`ALTER TABLE mentor_search_documents ALTER COLUMN search_text SET STORAGE MAIN`);
    await db.query(`CREATE INDEX mentor_search_facet_values_idx ON mentor_search_documents USING gin (facet_values)`);
    await createSharedIndexes(db);
  }

  async down(db: QueryRunner): Promise<void> {
    const facet = (tag: string) =>
      `ARRAY(SELECT substr(v, 3) FROM unnest(d.facet_values) v WHERE left(v, 2) = '${tag}:')`;
    await db.query(`
      CREATE TABLE mentor_search_documents_wide AS
      SELECT d.id, d.version, t.headline, t.bio, t.skills, ${facet('s')} AS skill_slugs, t.industries,
             ${facet('i')} AS industry_slugs, t.role_title, t.company, ${facet('l')} AS languages,
             ${facet('f')} AS formats, d.price_cents, (${facet('p')})[1] AS price_band, d.years_of_experience,
             d.rating_score, d.rating_average, d.accepting_requests, d.time_zone, d.country_code,
             d.published_at_ms, d.search_text
        FROM mentor_search_documents d JOIN mentor_search_texts t ON t.id = d.id`);
    await db.query(`DROP TABLE mentor_search_texts`);
    await db.query(`DROP TABLE mentor_search_documents`);
    await db.query(`ALTER TABLE mentor_search_documents_wide RENAME TO mentor_search_documents`);
    await db.query(`ALTER TABLE mentor_search_documents ADD PRIMARY KEY (id)`);
    for (const column of ['version', 'headline', 'bio', 'skills', 'skill_slugs', 'industries', 'industry_slugs']) {
      await db.query(`ALTER TABLE mentor_search_documents ALTER COLUMN ${column} SET NOT NULL`);
    }
    await db.query(`ALTER TABLE mentor_search_documents ALTER COLUMN search_text SET STORAGE MAIN`);
    await db.query(`ALTER TABLE mentor_search_documents ALTER COLUMN bio SET STORAGE EXTERNAL`);
    await db.query(`CREATE INDEX mentor_search_skills_idx ON mentor_search_documents USING gin (skill_slugs)`);
    await db.query(`CREATE INDEX mentor_search_industries_idx ON mentor_search_documents USING gin (industry_slugs)`);
    await createSharedIndexes(db);
  }
}

/** The indexes both shapes of the table have: text (whole and per field), sorts, filters. */
async function createSharedIndexes(db: QueryRunner): Promise<void> {
  await db.query(`CREATE INDEX mentor_search_text_idx ON mentor_search_documents USING gin (search_text)`);
  for (const weight of ['a', 'b', 'c']) {
    await db.query(
      `CREATE INDEX mentor_search_text_${weight}_idx ON mentor_search_documents
       USING gin (ts_filter(search_text, '{${weight}}'))`,
    );
  }
  await db.query(
    `CREATE INDEX mentor_search_default_order_idx ON mentor_search_documents (rating_score DESC, published_at_ms DESC, id DESC)`,
  );
  await db.query(`CREATE INDEX mentor_search_newest_idx ON mentor_search_documents (published_at_ms DESC, id DESC)`);
  await db.query(`CREATE INDEX mentor_search_time_zone_idx ON mentor_search_documents (time_zone)`);
  await db.query(`CREATE INDEX mentor_search_rating_average_idx ON mentor_search_documents (rating_average)`);
}
