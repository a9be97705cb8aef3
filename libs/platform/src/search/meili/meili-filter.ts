import type { FacetName, SearchFilter } from '../search-request.js';

/** A Meilisearch string literal: double-quoted, with backslashes and quotes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const list = (values: string[]): string => `[${values.map(quote).join(', ')}]`;

const finite = (value: number): string => {
  if (!Number.isFinite(value)) throw new RangeError('filter numbers must be finite');
  return String(value);
};

/**
 * The filter as Meilisearch filter expressions (combined with AND). `except` leaves out
 * the facet's own condition, for disjunctive facet counts. Every value is quoted, so
 * no input can change the expression's structure.
 */
export function toMeiliFilter(filter: SearchFilter, except?: FacetName): string[] {
  const out: string[] = [];
  const some = (values: string[] | undefined): values is string[] => values !== undefined && values.length > 0;
  if (except !== 'industries' && some(filter.industries)) out.push(`industrySlugs IN ${list(filter.industries)}`);
  if (except !== 'skills' && some(filter.skills)) {
    out.push(...filter.skills.map((skill) => `skillSlugs = ${quote(skill)}`));
  }
  if (except !== 'languages' && some(filter.languages)) out.push(`languages IN ${list(filter.languages)}`);
  if (except !== 'formats' && some(filter.formats)) out.push(`formats IN ${list(filter.formats)}`);
  if (except !== 'priceBands') {
    if (filter.freeOnly) out.push(`priceSortCents = 0`);
    if (filter.maxPriceCents !== undefined) out.push(`priceSortCents <= ${finite(filter.maxPriceCents)}`);
  }
  if (filter.minRating !== undefined) out.push(`ratingAverage >= ${finite(filter.minRating)}`);
  if (filter.minYearsOfExperience !== undefined) {
    out.push(`yearsOfExperience >= ${finite(filter.minYearsOfExperience)}`);
  }
  if (filter.acceptingRequestsOnly) out.push(`acceptingRequests = true`);
  if (filter.timeZones !== undefined) {
    out.push(filter.timeZones.length > 0 ? `timeZone IN ${list(filter.timeZones)}` : `timeZone IS NULL`);
  }
  if (some(filter.countryCodes)) out.push(`countryCode IN ${list(filter.countryCodes)}`);
  return out;
}
