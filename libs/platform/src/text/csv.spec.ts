import { csvField, toCsv } from './csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers as they are, and writes null as an empty field', () => {
    expect(csvField('sessions held')).toBe('sessions held');
    expect(csvField(0.75)).toBe('0.75');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('Leaders, 2026')).toBe('"Leaders, 2026"');
    expect(csvField('the "best" program')).toBe('"the ""best"" program"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('ends every row with CRLF, blank rows included', () => {
    expect(toCsv([['figure', 'value'], ['mentors', 3], [], ['name', 'A, B']])).toBe(
      'figure,value\r\nmentors,3\r\n\r\nname,"A, B"\r\n',
    );
  });
});
