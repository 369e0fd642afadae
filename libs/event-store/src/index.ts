export * from './position.js';
export * from './position-tokens.js';
export * from './store-identity.js';
export * from './expected-revision.js';
export * from './event-store.errors.js';
export * from './event-store.port.js';
export * from './postgres/index.js';
export * from './esdb/index.js';
