import { randomUUID } from 'node:crypto';
import { priceBandOf, type MentorSearchDocument, type QueryTerm, type SearchRequest } from '@app/platform';

let clock = Date.UTC(2026, 0, 1);

/** A published, accepting mentor document; each call is newer than the last. */
export function searchDocument(overrides: Partial<MentorSearchDocument> = {}): MentorSearchDocument {
  clock += 60_000;
  const priceCents = overrides.priceCents === undefined ? 5_000 : overrides.priceCents;
  return {
    id: randomUUID(),
    version: 1,
    headline: 'Engineering manager helping people grow',
    bio: 'I have mentored many people over the years and enjoy helping them find their way.',
    skills: ['Leadership'],
    skillSlugs: ['leadership'],
    industries: ['Software'],
    industrySlugs: ['software'],
    currentRole: null,
    company: null,
    languages: ['en'],
    formats: ['ONE_ON_ONE'],
    yearsOfExperience: 10,
    ratingScore: 4,
    ratingAverage: null,
    acceptingRequests: true,
    timeZone: 'Europe/Berlin',
    countryCode: 'DE',
    publishedAtMs: clock,
    ...overrides,
    priceCents,
    priceBand: priceBandOf(priceCents),
  };
}

/** Query terms as the domain builds them: the last word is a prefix, synonyms are alternatives. */
export function terms(query: string, synonyms: Record<string, string[][]> = {}): QueryTerm[] {
  const words = query.split(/\s+/).filter(Boolean);
  return words.map((word, i) => ({
    word,
    alternatives: [[word], ...(synonyms[word] ?? [])],
    prefix: i === words.length - 1,
  }));
}

export function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return {
    terms: [],
    filter: { acceptingRequestsOnly: true },
    sort: 'RELEVANCE',
    first: 20,
    after: null,
    withTotal: true,
    withFacets: false,
    ...overrides,
  };
}
