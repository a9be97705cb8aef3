export * from './run-queue-app.js';
export * from './core-modules.js';
