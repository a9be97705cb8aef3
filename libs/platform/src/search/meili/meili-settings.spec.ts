import { meiliSettings } from './meili-settings.js';

describe('meiliSettings', () => {
  const settings = meiliSettings({ js: ['javascript'], k8s: ['kubernetes'] });

  it('searches fields in weight order', () => {
    expect(settings.searchableAttributes).toEqual([
      'headline',
      'skills',
      'industries',
      'currentRole',
      'company',
      'bio',
    ]);
  });

  it('ranks like the PostgreSQL engine: words, typos, proximity, field, exactness, then rating', () => {
    expect(settings.rankingRules).toEqual([
      'words',
      'typo',
      'proximity',
      'attribute',
      'sort',
      'exactness',
      'ratingScore:desc',
    ]);
  });

  it('allows one typo from 5 letters and two from 9', () => {
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
  });

  it('can filter on every filter field and sort on every sort key', () => {
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        'industrySlugs',
        'skillSlugs',
        'languages',
        'formats',
        'ratingAverage',
        'priceSortCents',
        'priceBand',
        'yearsOfExperience',
        'acceptingRequests',
        'timeZone',
        'countryCode',
      ]),
    );
    expect(settings.sortableAttributes).toEqual([
      'ratingScore',
      'publishedAtMs',
      'yearsOfExperience',
      'priceSortCents',
    ]);
  });

  it('carries the taxonomy synonyms', () => {
    expect(settings.synonyms).toEqual({ js: ['javascript'], k8s: ['kubernetes'] });
  });
});
