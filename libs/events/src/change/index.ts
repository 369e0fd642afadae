export * from './change-vocabulary.js';
export * from './change-events.js';
export * from './change-event-contracts.js';
