export * from './per-key-limit.js';
