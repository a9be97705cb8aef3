import { Injectable } from '@nestjs/common';
import { tokenize, type QueryTerm, type Synonyms } from '@app/platform';
import { DataSource } from 'typeorm';
import { skillKey, skillSlug } from '../taxonomy/skill-names.js';

interface AliasRow {
  alias: string;
  slug: string;
  name: string;
}

interface AliasTable {
  loadedAt: number;
  byKey: Promise<Map<string, { slug: string; words: string[] }>>;
}

// Curated aliases change only with migrations, and a new skill's own key folds to its
// own slug anyway; re-reading the table once a minute keeps every search off it.
const TTL_MS = 60_000;

/**
 * Query words through the taxonomy's skill aliases (`js` -> JavaScript, `k8s` ->
 * Kubernetes, `ml` -> Machine Learning). The alias table and the folding (skillKey)
 * are the taxonomy's; this only reads them.
 */
@Injectable()
export class SearchSynonymsService {
  private table: AliasTable | undefined;

  constructor(private readonly db: DataSource) {}

  /** One term per word: the word itself plus the canonical skill names it is an alias of. */
  async terms(words: readonly string[]): Promise<QueryTerm[]> {
    if (words.length === 0) return [];
    const byKey = await this.aliases();
    return words.map((word, i) => {
      const canonical = byKey.get(skillKey(word))?.words;
      const isOther = canonical !== undefined && canonical.length > 0 && canonical.join(' ') !== word;
      return { word, alternatives: isOther ? [[word], canonical] : [[word]], prefix: i === words.length - 1 };
    });
  }

  /** Skill names or aliases as the slugs documents carry; an unknown name keeps its own slug (and matches nobody). */
  async skillSlugs(names: readonly string[]): Promise<string[]> {
    const byKey = await this.aliases();
    return [...new Set(names.map((name) => byKey.get(skillKey(name))?.slug ?? skillSlug(name)))];
  }

  /** Every alias that is spelled differently from its skill, for engines that expand synonyms themselves. */
  async all(): Promise<Synonyms> {
    const byKey = await this.aliases();
    const synonyms: Synonyms = {};
    for (const [alias, { words }] of byKey) {
      if (words.join('') !== alias) synonyms[alias] = [words.join(' ')];
    }
    return synonyms;
  }

  private aliases(): AliasTable['byKey'] {
    if (!this.table || Date.now() - this.table.loadedAt > TTL_MS) {
      const byKey = this.db
        .query<AliasRow[]>(`SELECT a.alias, s.slug, s.name FROM skill_aliases a JOIN skills s ON s.slug = a.skill_slug`)
        .then((rows) => new Map(rows.map((row) => [row.alias, { slug: row.slug, words: tokenize(row.name) }])));
      const table = { loadedAt: Date.now(), byKey };
      // A failed read is retried by the next search rather than remembered.
      byKey.catch(() => {
        if (this.table === table) this.table = undefined;
      });
      this.table = table;
    }
    return this.table.byKey;
  }
}
