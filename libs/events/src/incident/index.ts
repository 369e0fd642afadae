export * from './incident-vocabulary.js';
export * from './incident-events.js';
export * from './incident-event-contracts.js';
