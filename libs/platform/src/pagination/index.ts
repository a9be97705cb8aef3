export * from './pagination.js';
export * from './keyset-page.js';
