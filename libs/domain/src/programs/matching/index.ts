export * from './assignment.js';
export * from './compatibility.js';
export * from './reference-assignments.js';
export * from './score-matrix.js';
