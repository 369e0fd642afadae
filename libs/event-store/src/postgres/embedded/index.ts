export * from './embedded-postgres-error.js';
export * from './embedded-postgres-server.js';
