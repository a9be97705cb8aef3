export * from './goal.js';
export * from './mentorship.js';
export * from './mentorship-lifecycle.js';
export * from './mentorship-queries.service.js';
export * from './mentorships.module.js';
export * from './mentorships.service.js';
