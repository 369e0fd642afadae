export * from './event-metadata.js';
export * from './domain-event.js';
export * from './event-contract.js';
export * from './event-serializer.js';
export * from './incident/index.js';
export * from './record-streams.js';
export * from './event-catalog.js';
