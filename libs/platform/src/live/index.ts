export * from './live-topics.js';
export * from './live.module.js';
