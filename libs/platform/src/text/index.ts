export * from './plain-text.js';
export * from './csv.js';
