import type { DataSource } from 'typeorm';
import type { MixEntry } from './search-query-mix.js';

/**
 * The baseline a simple marketplace ships: every query word must appear (ILIKE) in the
 * profile's headline, bio, role or company; filters on the profile table; a page plus a
 * count. No typo tolerance, no ranking beyond rating, no facets.
 */
export async function naiveSearch(db: DataSource, entry: MixEntry): Promise<void> {
  const params: unknown[] = [];
  const where = [`p.status = 'PUBLISHED'`];
  for (const word of (entry.variables.query ?? '').split(/\s+/).filter(Boolean)) {
    params.push(`%${word}%`);
    const p = `$${params.length}`;
    where.push(`(p.headline ILIKE ${p} OR p.bio ILIKE ${p} OR p.role_title ILIKE ${p} OR p.company ILIKE ${p})`);
  }
  const filter = entry.variables.filter ?? {};
  if (filter.industries) {
    params.push(filter.industries);
    where.push(`p.industry_slugs && $${params.length}::text[]`);
  }
  if (filter.languages) {
    params.push(filter.languages);
    where.push(`p.languages && $${params.length}::text[]`);
  }
  if (filter.formats) {
    params.push(filter.formats);
    where.push(`p.formats && $${params.length}::text[]`);
  }
  if (typeof filter.maxPriceCents === 'number') {
    params.push(filter.maxPriceCents);
    where.push(`coalesce(p.price_cents, 0) <= $${params.length}`);
  }
  if (typeof filter.minRating === 'number') {
    params.push(filter.minRating);
    where.push(`p.rating_count > 0 AND p.rating_sum::float / p.rating_count >= $${params.length}`);
  }
  const offset = (entry.depth ?? 0) * entry.variables.first;
  const sql = where.join(' AND ');
  await Promise.all([
    db.query(
      `SELECT p.id FROM mentor_profiles p WHERE ${sql}
       ORDER BY p.rating_sum::float / greatest(p.rating_count, 1) DESC, p.id LIMIT ${entry.variables.first} OFFSET ${offset}`,
      params,
    ),
    db.query(`SELECT count(*) FROM mentor_profiles p WHERE ${sql}`, params),
  ]);
}
