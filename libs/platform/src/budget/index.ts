export * from './points-budget.service.js';
