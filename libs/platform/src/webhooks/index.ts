export * from './address-class.js';
export * from './secret-box.js';
export * from './webhook-signature.js';
export * from './webhook-target.js';
export * from './webhook-transport.js';
export * from './webhook-transport.module.js';
