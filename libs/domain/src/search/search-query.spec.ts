import { bayesianRating } from './bayesian-rating.js';
import { MAX_QUERY_WORDS, queryWords } from './search-query.js';

describe('queryWords', () => {
  it('folds case and accents and splits on punctuation', () => {
    expect(queryWords('  Node.js  Café-Owner ')).toEqual(['node', 'js', 'cafe', 'owner']);
  });

  it('is empty for blank queries', () => {
    expect(queryWords('   ')).toEqual([]);
    expect(queryWords(null)).toEqual([]);
  });

  it('bounds huge queries to ten words of at most forty letters', () => {
    expect(queryWords('word '.repeat(2000))).toHaveLength(MAX_QUERY_WORDS);
    expect(queryWords('x'.repeat(10_000))).toEqual(['x'.repeat(40)]);
  });

  it('drops SQL and filter metacharacters', () => {
    expect(queryWords(`'; DROP TABLE x; -- "a" OR 1=1 & | ! :*`)).toEqual(['drop', 'table', 'x', 'a', 'or', '1', '1']);
  });
});

describe('bayesianRating', () => {
  it('does not let one 5-star review beat fifty 4.8s', () => {
    expect(bayesianRating(5, 1)).toBeLessThan(bayesianRating(50 * 4.8, 50));
  });
});
