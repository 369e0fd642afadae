export * from './decider.js';
export * from './domain-command.js';
export * from './domain-error.js';
export * from './instant.js';
export * from './shared/index.js';
export * from './incident/index.js';
export * from './problem/index.js';
export * from './tenant/index.js';
