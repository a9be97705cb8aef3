export * from './accounts/index.js';
export * from './notifications/index.js';
