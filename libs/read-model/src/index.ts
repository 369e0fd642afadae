export * from './read-model-schema.js';
export * from './read-model-migrations.js';
export * from './read-model-update.js';
export * from './projection-checkpoints.js';
export * from './incident/index.js';
export * from './in-transaction.js';
