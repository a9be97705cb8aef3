export * from './group.js';
export * from './group-editor.service.js';
export * from './group-lifecycle.js';
export * from './group-membership.service.js';
export * from './group-queries.service.js';
export * from './groups.inputs.js';
export * from './groups.module.js';
