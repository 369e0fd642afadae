export * from './service-account-events.js';
export * from './service-account-event-contracts.js';
