export * from './tokens.js';
export * from './stores.js';
export * from './infrastructure.module.js';
