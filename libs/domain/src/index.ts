export * from './decider.js';
export * from './domain-command.js';
export * from './domain-error.js';
export * from './instant.js';
export * from './incident/index.js';
export * from './change/index.js';
export * from './change-template/index.js';
export * from './tenant/index.js';
