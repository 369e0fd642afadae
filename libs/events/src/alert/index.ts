export * from './alert-vocabulary.js';
export * from './alert-events.js';
export * from './alert-event-contracts.js';
export * from './alert-stream.js';
