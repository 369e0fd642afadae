export * from './tenant-settings-events.js';
export * from './tenant-settings-event-contracts.js';
