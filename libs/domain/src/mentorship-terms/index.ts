export * from './mentorship-terms.js';
