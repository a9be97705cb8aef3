import { highlightText } from './highlight.js';

const isReact = (word: string) => word.toLowerCase() === 'react';

describe('highlightText', () => {
  it('marks every matching word and keeps the rest as written', () => {
    expect(highlightText('React and react-native, not Preact', isReact)).toBe(
      '<mark>React</mark> and <mark>react</mark>-native, not Preact',
    );
  });

  it('is null when nothing matched', () => {
    expect(highlightText('Vue and Svelte', isReact)).toBeNull();
  });

  it('cuts a long text to a window around the first match without breaking a tag', () => {
    const text = `${'lorem '.repeat(40)}React ${'ipsum '.repeat(20)}react ${'dolor '.repeat(40)}`;
    const marked = highlightText(text, isReact) ?? '';
    expect(marked.startsWith('…')).toBe(true);
    expect(marked.endsWith('…')).toBe(true);
    expect(marked).toContain('<mark>React</mark>');
    expect(marked.split('<mark>').length).toBe(marked.split('</mark>').length);
    expect(marked).not.toMatch(/<[^>]*$/);
  });
});
