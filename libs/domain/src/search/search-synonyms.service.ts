import { Injectable } from '@nestjs/common';
import { tokenize, type QueryTerm, type Synonyms } from '@app/platform';
import { DataSource } from 'typeorm';
import { skillKey } from '../taxonomy/skill-names.js';

interface AliasRow {
  alias: string;
  name: string;
}

/**
 * Query words through the taxonomy's skill aliases (`js` -> JavaScript, `k8s` ->
 * Kubernetes, `ml` -> Machine Learning). The alias table and the folding (skillKey)
 * are the taxonomy's; this only reads them.
 */
@Injectable()
export class SearchSynonyms {
  constructor(private readonly db: DataSource) {}

  /** One term per word: the word itself plus the canonical skill names it is an alias of. */
  async terms(words: readonly string[]): Promise<QueryTerm[]> {
    if (words.length === 0) return [];
    const keys = words.map(skillKey);
    const rows = await this.db.query<AliasRow[]>(
      `SELECT a.alias, s.name FROM skill_aliases a JOIN skills s ON s.slug = a.skill_slug WHERE a.alias = ANY($1::text[])`,
      [keys],
    );
    const namesByKey = new Map(rows.map((row) => [row.alias, tokenize(row.name)]));
    return words.map((word, i) => {
      const canonical = namesByKey.get(keys[i]);
      const isOther = canonical !== undefined && canonical.length > 0 && canonical.join(' ') !== word;
      return { word, alternatives: isOther ? [[word], canonical] : [[word]], prefix: i === words.length - 1 };
    });
  }

  /** Every alias that is spelled differently from its skill, for engines that expand synonyms themselves. */
  async all(): Promise<Synonyms> {
    const rows = await this.db.query<AliasRow[]>(
      `SELECT a.alias, s.name FROM skill_aliases a JOIN skills s ON s.slug = a.skill_slug`,
    );
    const synonyms: Synonyms = {};
    for (const { alias, name } of rows) {
      const canonical = tokenize(name).join(' ');
      if (canonical.replaceAll(' ', '') !== alias) synonyms[alias] = [canonical];
    }
    return synonyms;
  }
}
