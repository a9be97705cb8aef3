import { quote, toMeiliFilter } from './meili-filter.js';

describe('toMeiliFilter', () => {
  it('translates every filter field', () => {
    expect(
      toMeiliFilter({
        industries: ['fintech', 'health'],
        skills: ['go', 'kafka'],
        languages: ['en'],
        formats: ['GROUP'],
        minRating: 4.5,
        maxPriceCents: 5000,
        freeOnly: true,
        minYearsOfExperience: 3,
        acceptingRequestsOnly: true,
        timeZones: ['Europe/Berlin'],
        countryCodes: ['DE'],
      }),
    ).toEqual([
      'industrySlugs IN ["fintech", "health"]',
      'skillSlugs = "go"',
      'skillSlugs = "kafka"',
      'languages IN ["en"]',
      'formats IN ["GROUP"]',
      'priceSortCents = 0',
      'priceSortCents <= 5000',
      'ratingAverage >= 4.5',
      'yearsOfExperience >= 3',
      'acceptingRequests = true',
      'timeZone IN ["Europe/Berlin"]',
      'countryCode IN ["DE"]',
    ]);
  });

  it('leaves out the facet whose counts are being computed', () => {
    const filter = { industries: ['fintech'], languages: ['en'], maxPriceCents: 100, acceptingRequestsOnly: false };
    expect(toMeiliFilter(filter, 'industries')).toEqual(['languages IN ["en"]', 'priceSortCents <= 100']);
    expect(toMeiliFilter(filter, 'priceBands')).toEqual(['industrySlugs IN ["fintech"]', 'languages IN ["en"]']);
  });

  it('matches nothing when no time zone is close enough', () => {
    expect(toMeiliFilter({ acceptingRequestsOnly: false, timeZones: [] })).toEqual(['timeZone IS NULL']);
  });

  it('escapes quotes and backslashes so a value cannot end its string', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('a\\')).toBe('"a\\\\"');
    expect(
      toMeiliFilter({ acceptingRequestsOnly: false, countryCodes: ['" OR acceptingRequests = false OR "'] }),
    ).toEqual(['countryCode IN ["\\" OR acceptingRequests = false OR \\""]']);
  });

  it('refuses numbers that are not finite instead of writing NaN into a filter', () => {
    expect(() => toMeiliFilter({ acceptingRequestsOnly: false, minRating: Number.NaN })).toThrow(RangeError);
  });
});
