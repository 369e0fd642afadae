export * from './postgres-event-store.js';
export * from './event-store-schema.js';
export * from './embedded/index.js';
export * from './postgres-errors.js';
