export * from './tenant-settings.commands.js';
export * from './tenant-settings.state.js';
export * from './tenant-settings.decide.js';
export * from './tenant-settings.decider.js';
export { maxSlaTargetMinutes } from './incident-sla-policy.validate.js';
