export * from './tenant-settings.commands.js';
export * from './tenant-settings.state.js';
export * from './tenant-settings.decide.js';
export * from './tenant-settings.decider.js';
export { maxSlaTargetMinutes } from './incident-sla-policy.validate.js';
export * from './change-settings.commands.js';
export * from './change-settings.state.js';
export * from './change-settings.decider.js';
export { maxApprovers } from './change-settings.decide.js';
