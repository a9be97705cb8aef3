export * from './run-queue-app.js';
