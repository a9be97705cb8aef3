export * from './accounts/index.js';
export * from './notifications/index.js';
export * from './profiles/index.js';
