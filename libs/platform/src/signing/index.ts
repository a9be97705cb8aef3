export * from './signed-link.js';
