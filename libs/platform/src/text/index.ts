export * from './plain-text.js';
