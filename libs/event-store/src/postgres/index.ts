export * from './postgres-event-store.js';
export * from './event-store-schema.js';
export * from './embedded-postgres-server.js';
export * from './postgres-errors.js';
