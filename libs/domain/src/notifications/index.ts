export * from './notification.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
