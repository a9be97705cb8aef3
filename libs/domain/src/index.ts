export * from './accounts/index.js';
export * from './notifications/index.js';
export * from './profiles/index.js';
export * from './taxonomy/index.js';
export * from './mentorships/index.js';
export * from './requests/index.js';
export * from './search/index.js';
export * from './scheduling/index.js';
