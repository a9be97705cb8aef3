import { buildTextQuery } from './postgres-text-query.js';

describe('buildTextQuery', () => {
  const strategy = { word: 'strategy', alternatives: [['strategy'], ['business', 'strategy']], prefix: true };
  const ml = { word: 'ml', alternatives: [['ml'], ['machine', 'learning']], prefix: false };

  it('drops alternatives an OR already accepts, so no phrase forces a GIN recheck', () => {
    const text = buildTextQuery([strategy], new Map([['strategy', ['strateg', 'strtaegy']]]));
    const [term] = text.terms;
    expect(term.exact).toBe(`('strategy')`);
    expect(term.strict).toBe(`('strategy':*)`);
    expect(term.full).toBe(`('strategy':*) | ('strateg') | ('strtaegy')`);
    expect(term.fullIn.A).toBe(`('strategy':*A) | ('strateg':A) | ('strtaegy':A)`);
    expect(text.any).toBe(`('strategy':*) | ('strateg') | ('strtaegy')`);
  });

  it('keeps a phrase no other alternative covers, and every alternative inside a phrase', () => {
    const text = buildTextQuery([ml, strategy], new Map());
    expect(text.terms[0].exact).toBe(`('ml') | ('machine' <-> 'learning')`);
    expect(text.terms[1].fullInPhrase).toBe(`('strategy') | ('business' <-> 'strategy') | ('strategy':*)`);
    expect(text.any).toBe(`('ml') | ('machine' <-> 'learning') | ('strategy':*)`);
  });
});
