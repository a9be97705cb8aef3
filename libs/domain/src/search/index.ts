export * from './bayesian-rating.js';
export * from './match-reasons.js';
export * from './recommendations.service.js';
export * from './search-indexer.service.js';
export * from './search-query.js';
export * from './search.module.js';
export * from './search.service.js';
export * from './time-zone-window.js';
