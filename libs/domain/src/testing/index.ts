export * from './decider-specification.js';
export * from './incident-fixtures.js';
export * from './tenant-settings-fixtures.js';
export * from './problem-fixtures.js';
export * from './reactor-specification.js';
