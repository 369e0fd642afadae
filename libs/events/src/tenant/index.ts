export * from './tenant-settings-events.js';
export * from './tenant-settings-event-contracts.js';
export * from './change-settings-events.js';
export * from './change-settings-event-contracts.js';
