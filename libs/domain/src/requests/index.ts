export * from './mentorship-request.js';
export * from './request-lifecycle.js';
export * from './request-queries.service.js';
export * from './request-terms.js';
export * from './requests.inputs.js';
export * from './requests.module.js';
export * from './requests.service.js';
