export * from './data-source-options.js';
export * from './database-bootstrap.js';
export * from './database.module.js';
export * from './system-secrets.js';
export * from './unit-of-work.js';
export * from './pg-errors.js';
export * from './migrations/index.js';
