export * from './domain-error.js';
export * from './validation.js';
