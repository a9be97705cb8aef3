import {
  INDUSTRIES,
  SKILLS,
  SKILL_ALIASES,
} from '../../../platform/src/database/migrations/data/taxonomy-1763770150000.js';
import { skillDisplayName, skillKey, skillSlug } from './skill-names.js';

describe('skill names', () => {
  it('folds case, spacing and punctuation to one key', () => {
    expect(new Set(['JavaScript', 'javascript', 'Java Script', ' JAVA-script ', 'java.script']).size).toBe(5);
    expect(new Set(['JavaScript', 'javascript', 'Java Script', ' JAVA-script ', 'java.script'].map(skillKey))).toEqual(
      new Set(['javascript']),
    );
    expect(skillKey('Node.js')).toBe(skillKey('NodeJS'));
    expect(skillKey('Café Management')).toBe('cafemanagement');
  });

  it('keeps the symbols that tell skills apart', () => {
    expect(skillSlug('C++')).toBe('c-plus-plus');
    expect(skillSlug('C#')).toBe('c-sharp');
    expect(skillKey('C')).not.toBe(skillKey('C++'));
    expect(skillKey('M&A')).toBe('manda');
  });

  it('capitalises a name typed all in lower case, and keeps deliberate casing', () => {
    expect(skillDisplayName('  rust   lang ')).toBe('Rust Lang');
    expect(skillDisplayName('iOS widgets')).toBe('iOS widgets');
  });
});

describe('curated taxonomy data', () => {
  const slugs = new Set(SKILLS.map(([slug]) => slug));

  it('has at least 24 distinct industries with valid slugs', () => {
    expect(INDUSTRIES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(INDUSTRIES.map(([slug]) => slug)).size).toBe(INDUSTRIES.length);
    for (const [slug] of INDUSTRIES) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every canonical skill the slug its name folds to, once', () => {
    expect(slugs.size).toBe(SKILLS.length);
    for (const [slug, name] of SKILLS) expect([name, skillSlug(name)]).toEqual([name, slug]);
  });

  it('has at least 100 aliases, each in key form, pointing at a canonical skill, none shadowing a name', () => {
    const ownKeys = new Set(SKILLS.map(([slug]) => slug.replaceAll('-', '')));
    const aliases = Object.entries(SKILL_ALIASES);
    expect(aliases.length).toBeGreaterThanOrEqual(100);
    for (const [alias, slug] of aliases) {
      expect([alias, skillKey(alias)]).toEqual([alias, alias]);
      expect([alias, slugs.has(slug)]).toEqual([alias, true]);
      expect([alias, ownKeys.has(alias)]).toEqual([alias, false]);
    }
  });
});
