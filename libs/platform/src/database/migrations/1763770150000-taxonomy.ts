import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INDUSTRIES, SKILLS, SKILL_ALIASES } from './data/taxonomy-1763770150000.js';

/**
 * The curated taxonomy: industries, canonical skills and their aliases. Every skill
 * is also reachable by its own compact key, so one lookup in skill_aliases folds any
 * spelling (`Java Script`, `javascript`, `JS`) to one skill.
 */
export class Taxonomy1763770150000 implements MigrationInterface {
  name = 'Taxonomy1763770150000';

  async up(db: QueryRunner): Promise<void> {
    // Prefix autocomplete over alias keys; the primary key's collation cannot serve LIKE 'x%'.
    await db.query(`CREATE INDEX skill_aliases_prefix_idx ON skill_aliases (alias text_pattern_ops)`);

    await db.query(
      `INSERT INTO industries (slug, name, position)
       SELECT slug, name, position FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(slug, name, position)`,
      [INDUSTRIES.map(([slug]) => slug), INDUSTRIES.map(([, name]) => name)],
    );
    await db.query(`INSERT INTO skills (slug, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      SKILLS.map(([slug]) => slug),
      SKILLS.map(([, name]) => name),
    ]);
    const aliases = [
      ...SKILLS.map(([slug]) => [slug.replaceAll('-', ''), slug] as const),
      ...Object.entries(SKILL_ALIASES),
    ];
    await db.query(`INSERT INTO skill_aliases (alias, skill_slug) SELECT * FROM unnest($1::text[], $2::text[])`, [
      aliases.map(([alias]) => alias),
      aliases.map(([, slug]) => slug),
    ]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS skill_aliases_prefix_idx`);
    await db.query(`DELETE FROM skill_aliases`);
    await db.query(`DELETE FROM skills`);
    await db.query(`DELETE FROM industries`);
  }
}
