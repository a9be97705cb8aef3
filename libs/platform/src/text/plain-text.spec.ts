import { toPlainText } from './plain-text.js';

describe('toPlainText', () => {
  it('keeps markup verbatim, as text', () => {
    expect(toPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('drops ASCII control characters but keeps tabs and line breaks', () => {
    expect(toPlainText('a\u0000b\u0007c\u001bd\u007fe\tf\r\ng\rh')).toBe('abcde\tf\ng\nh');
  });

  it('trims the ends', () => {
    expect(toPlainText('  \n hello \t ')).toBe('hello');
  });
});
