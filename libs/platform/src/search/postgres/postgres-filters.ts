import type { FacetName, SearchFilter } from '../search-request.js';
import type { SqlParams } from './sql-params.js';

/**
 * The WHERE conditions of a filter, as SQL over `d` (a mentor_search_documents row).
 * `except` leaves out the conditions a facet is about, so that facet counts what a
 * person would get by widening their own choice (disjunctive faceting).
 */
export function filterConditions(filter: SearchFilter, params: SqlParams, except?: FacetName): string[] {
  const where: string[] = [];
  const nonEmpty = (values: string[] | undefined): values is string[] => values !== undefined && values.length > 0;
  if (except !== 'industries' && nonEmpty(filter.industries)) {
    where.push(`d.industry_slugs && ${params.add(filter.industries, 'text[]')}`);
  }
  if (except !== 'skills' && nonEmpty(filter.skills)) {
    where.push(`d.skill_slugs @> ${params.add(filter.skills, 'text[]')}`);
  }
  if (except !== 'languages' && nonEmpty(filter.languages)) {
    where.push(`d.languages && ${params.add(filter.languages, 'text[]')}`);
  }
  if (except !== 'formats' && nonEmpty(filter.formats)) {
    where.push(`d.formats && ${params.add(filter.formats, 'text[]')}`);
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
