export * from './tokens.js';
export * from './stores.js';
export * from './infrastructure.module.js';
export * from './startup-failure.js';
