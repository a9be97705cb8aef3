import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taxonomy and profiles. Industry and skill references on profiles are ordered
 * arrays (GIN-indexed): profiles are read whole, filtered by containment, and
 * the taxonomy never deletes an entry, so join tables would buy nothing.
 */
export class Profiles1763770100000 implements MigrationInterface {
  name = 'Profiles1763770100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE industries (
        slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL UNIQUE,
        position int NOT NULL
      )`);

    // slug is the normalised key (case, spacing and punctuation folded); name is for display.
    await db.query(`
      CREATE TABLE skills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX skills_name_trgm_idx ON skills USING gin (lower(name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX skills_slug_prefix_idx ON skills (slug text_pattern_ops)`);

    // Curated aliases: the normalised alias key points at the canonical skill's slug.
    await db.query(`
      CREATE TABLE skill_aliases (
        alias text PRIMARY KEY,
        skill_slug text NOT NULL REFERENCES skills(slug)
      )`);

    await db.query(`
      CREATE TABLE mentor_profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'PAUSED')),
        headline text NOT NULL,
        bio text NOT NULL,
        industry_slugs text[] NOT NULL DEFAULT '{}',
        skill_ids uuid[] NOT NULL DEFAULT '{}',
        years_of_experience int NOT NULL CHECK (years_of_experience BETWEEN 0 AND 60),
        languages text[] NOT NULL DEFAULT '{}',
        time_zone text NOT NULL,
        formats text[] NOT NULL DEFAULT '{}',
        session_lengths int[] NOT NULL DEFAULT '{}',
        price_cents int CHECK (price_cents >= 0),
        price_currency char(3),
        max_active_mentees int NOT NULL CHECK (max_active_mentees BETWEEN 1 AND 50),
        role_title text,
        company text,
        country_code char(2),
        rating_count int NOT NULL DEFAULT 0,
        rating_sum int NOT NULL DEFAULT 0,
        rating_distribution int[] NOT NULL DEFAULT '{0,0,0,0,0}',
        version int NOT NULL DEFAULT 1,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((price_cents IS NULL) = (price_currency IS NULL))
      )`);
    await db.query(`CREATE INDEX mentor_profiles_status_idx ON mentor_profiles (status)`);
    await db.query(`CREATE INDEX mentor_profiles_industries_idx ON mentor_profiles USING gin (industry_slugs)`);
    await db.query(`CREATE INDEX mentor_profiles_skills_idx ON mentor_profiles USING gin (skill_ids)`);

    await db.query(`
      CREATE TABLE mentee_profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        goals text[] NOT NULL,
        industry_slugs text[] NOT NULL DEFAULT '{}',
        skill_ids uuid[] NOT NULL DEFAULT '{}',
        experience_level int NOT NULL CHECK (experience_level BETWEEN 0 AND 60),
        languages text[] NOT NULL DEFAULT '{}',
        bio text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['mentee_profiles', 'mentor_profiles', 'skill_aliases', 'skills', 'industries']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
