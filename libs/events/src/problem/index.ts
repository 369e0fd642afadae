export * from './problem-vocabulary.js';
export * from './problem-events.js';
export * from './problem-event-contracts.js';
