import { Injectable } from '@nestjs/common';
import { checkPageSize, DomainError, isUuid } from '@app/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Industry } from './industry.entity.js';
import { skillDisplayName, skillKey, skillSlug } from './skill-names.js';
import { Skill } from './skill.entity.js';

export interface IndustryWithCount extends Industry {
  mentorCount: number;
}

const MAX_QUERY_LENGTH = 100;

/** Industries and skills: the shared vocabulary of profiles and search. */
@Injectable()
export class TaxonomyService {
  // Industries change only through migrations, so one read per process suffices.
  private industrySlugSet?: Promise<ReadonlySet<string>>;

  constructor(private readonly db: DataSource) {}

  industrySlugs(): Promise<ReadonlySet<string>> {
    this.industrySlugSet ??= this.db
      .getRepository(Industry)
      .find({ select: { slug: true } })
      .then((rows) => new Set(rows.map((row) => row.slug)));
    return this.industrySlugSet;
  }

  /** Every industry in display order, with its live count of published mentors, in one query. */
  listIndustries(): Promise<IndustryWithCount[]> {
    return this.db.query<IndustryWithCount[]>(
      `SELECT i.slug, i.name, i.position, coalesce(c.count, 0)::int AS "mentorCount"
         FROM industries i
         LEFT JOIN (SELECT slug, count(*) AS count
                      FROM mentor_profiles, unnest(industry_slugs) AS slug
                     WHERE status = 'PUBLISHED'
                     GROUP BY slug) c ON c.slug = i.slug
        ORDER BY i.position`,
    );
  }

  /** For DataLoaders: published-mentor counts of the given industries, in the order asked. */
  async mentorCounts(slugs: readonly string[]): Promise<number[]> {
    const rows = await this.db.query<Array<{ slug: string; count: number }>>(
      `SELECT slug, count(*)::int AS count
         FROM mentor_profiles, unnest(industry_slugs) AS slug
        WHERE status = 'PUBLISHED' AND industry_slugs && $1::text[] AND slug = ANY($1::text[])
        GROUP BY slug`,
      [slugs],
    );
    const bySlug = new Map(rows.map((row) => [row.slug, row.count]));
    return slugs.map((slug) => bySlug.get(slug) ?? 0);
  }

  /** For DataLoaders: one query, in the order asked, null where unknown. */
  async findIndustries(
    slugs: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Array<Industry | null>> {
    const found = await manager.getRepository(Industry).findBy({ slug: In([...slugs]) });
    const bySlug = new Map(found.map((industry) => [industry.slug, industry]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  }

  /** For DataLoaders: one query, in the order asked, null where unknown. */
  async findSkills(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Array<Skill | null>> {
    const found = await manager.getRepository(Skill).findBy({ id: In(ids.filter(isUuid)) });
    const byId = new Map(found.map((skill) => [skill.id, skill]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Folds names to skills (aliases included), creating the ones never seen, inside
   * the caller's transaction. Returns distinct skills in first-mention order.
   * Names must already be validated to fold to a non-empty key.
   */
  async resolveSkills(manager: EntityManager, names: readonly string[]): Promise<Skill[]> {
    const firstNameByKey = new Map<string, string>();
    for (const name of names) {
      const key = skillKey(name);
      if (!firstNameByKey.has(key)) firstNameByKey.set(key, name);
    }
    const keys = [...firstNameByKey.keys()];
    let found = await this.skillsByKey(manager, keys);
    // Sorted, so two writers creating the same new skills take their index locks in one order.
    const missing = [...firstNameByKey]
      .filter(([key]) => !found.has(key))
      .map(([, name]) => name)
      .sort((a, b) => skillSlug(a).localeCompare(skillSlug(b)));
    if (missing.length > 0) {
      // A concurrent writer may create the same skill: its row wins and both end on it.
      await manager.query(
        `INSERT INTO skills (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (slug) DO NOTHING`,
        [missing.map(skillSlug), missing.map(skillDisplayName)],
      );
      await manager.query(
        `INSERT INTO skill_aliases (alias, skill_slug) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (alias) DO NOTHING`,
        [missing.map(skillKey), missing.map(skillSlug)],
      );
      found = await this.skillsByKey(manager, keys);
    }
    const skills = keys.map((key) => found.get(key)).filter((skill): skill is Skill => skill !== undefined);
    return [...new Map(skills.map((skill) => [skill.id, skill])).values()];
  }

  /** The ids of skills known by these names (aliases included), null for a name never seen; creates nothing. */
  async findSkillIdsByNames(names: readonly string[]): Promise<Array<string | null>> {
    const found = await this.skillsByKey(this.db.manager, names.map(skillKey));
    return names.map((name) => found.get(skillKey(name))?.id ?? null);
  }

  /** Autocomplete: exact alias first, then prefixes of names and aliases, then typos by trigram similarity. */
  async suggestSkills(query: string | null | undefined, first: number): Promise<Skill[]> {
    checkPageSize(first);
    const text = (query ?? '').trim();
    if (text.length > MAX_QUERY_LENGTH) {
      throw DomainError.badInput('query', `query must be at most ${MAX_QUERY_LENGTH} characters`);
    }
    if (text.length === 0) {
      return this.db.getRepository(Skill).find({ order: { name: 'ASC' }, take: first });
    }
    return this.db.query<Skill[]>(
      `SELECT s.id, s.slug, s.name, s.created_at AS "createdAt"
         FROM (SELECT a.skill_slug AS slug, CASE WHEN a.alias = $1 THEN 0 ELSE 1 END AS rank, 1::real AS score
                 FROM skill_aliases a
                WHERE $1 <> '' AND a.alias LIKE $1 || '%'
               UNION ALL
               SELECT s.slug, 2, word_similarity($2, lower(s.name))
                 FROM skills s
                WHERE $2 <% lower(s.name)) m
         JOIN skills s ON s.slug = m.slug
        GROUP BY s.id
        ORDER BY min(m.rank), max(m.score) DESC, length(s.name), s.name
        LIMIT $3`,
      [skillKey(text), text.toLowerCase(), first],
    );
  }

  private async skillsByKey(manager: EntityManager, keys: readonly string[]): Promise<Map<string, Skill>> {
    const rows = await manager.query<Array<Skill & { alias: string }>>(
      `SELECT a.alias, s.id, s.slug, s.name, s.created_at AS "createdAt"
         FROM skill_aliases a JOIN skills s ON s.slug = a.skill_slug
        WHERE a.alias = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map(({ alias, ...skill }) => [alias, skill]));
  }
}
