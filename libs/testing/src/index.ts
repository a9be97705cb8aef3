export * from './config/test-config.js';
export * from './database-reset.js';
export * from './graphql-client.js';
export * from './wait-for-quiescence.js';
export * from './query-counter.js';
export * from './factories/people.js';
export * from './factories/mentorship-requests.js';
export * from './factories/groups.js';
