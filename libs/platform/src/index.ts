export * from './config/index.js';
export * from './database/index.js';
export * from './errors/index.js';
export * from './logging/index.js';
export * from './queue/index.js';
export * from './time/index.js';
export * from './pagination/index.js';
