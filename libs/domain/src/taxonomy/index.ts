export * from './industry.entity.js';
export * from './skill.entity.js';
export * from './skill-names.js';
export * from './taxonomy.module.js';
export * from './taxonomy.service.js';
