import type { FacetName, SearchFilter } from '../search-request.js';
import { facetValue } from './postgres-document-sql.js';
import { SqlParams } from './sql-params.js';

/**
 * The WHERE conditions of a filter, as SQL over `d` (a mentor_search_documents row).
 * `except` leaves out the conditions a facet is about, so that facet counts what a
 * person would get by widening their own choice (disjunctive faceting).
 */
export function filterConditions(filter: SearchFilter, params: SqlParams, except?: FacetName): string[] {
  const where: string[] = [];
  const nonEmpty = (values: string[] | undefined): values is string[] => values !== undefined && values.length > 0;
  // Facet values are tagged with their facet (see postgres-document-sql), so `&&` is "any of", `@>` "all of".
  const tagged = (facet: FacetName, values: string[]) =>
    params.add(
      values.map((value) => facetValue(facet, value)),
      'text[]',
    );
  if (except !== 'industries' && nonEmpty(filter.industries)) {
    where.push(`d.facet_values && ${tagged('industries', filter.industries)}`);
  }
  if (except !== 'skills' && nonEmpty(filter.skills)) {
    where.push(`d.facet_values @> ${tagged('skills', filter.skills)}`);
  }
  if (except !== 'languages' && nonEmpty(filter.languages)) {
    where.push(`d.facet_values && ${tagged('languages', filter.languages)}`);
  }
  if (except !== 'formats' && nonEmpty(filter.formats)) {
    where.push(`d.facet_values && ${tagged('formats', filter.formats)}`);
  }
  if (except !== 'priceBands') {
    if (filter.freeOnly) where.push(`coalesce(d.price_cents, 0) = 0`);
    if (filter.maxPriceCents !== undefined) {
      where.push(`coalesce(d.price_cents, 0) <= ${params.add(filter.maxPriceCents, 'int')}`);
    }
  }
  if (filter.minRating !== undefined) where.push(`d.rating_average >= ${params.add(filter.minRating, 'float8')}`);
  if (filter.minYearsOfExperience !== undefined) {
    where.push(`d.years_of_experience >= ${params.add(filter.minYearsOfExperience, 'int')}`);
  }
  if (filter.acceptingRequestsOnly) where.push(`d.accepting_requests`);
  if (filter.timeZones !== undefined) where.push(`d.time_zone = ANY(${params.add(filter.timeZones, 'text[]')})`);
  if (nonEmpty(filter.countryCodes)) {
    where.push(`d.country_code = ANY(${params.add(filter.countryCodes, 'text[]')})`);
  }
  return where;
}

export function and(conditions: string[]): string {
  return conditions.length === 0 ? 'true' : conditions.map((c) => `(${c})`).join(' AND ');
}

/** Whether a filter asks for nothing but (optionally) acceptance: the case the facet totals answer. */
export function onlyAcceptance(filter: SearchFilter): boolean {
  return filterConditions(filter, new SqlParams()).length === (filter.acceptingRequestsOnly ? 1 : 0);
}
