export * from './mentor-profile.entity.js';
export * from './mentor-profiles.service.js';
export * from './profiles.module.js';
