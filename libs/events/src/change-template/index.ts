export * from './change-template-events.js';
export * from './change-template-event-contracts.js';
