export * from './state-machine.js';
export * from './transition-log.js';
