export * from './service-account.commands.js';
export * from './service-account.state.js';
export * from './service-account.decide.js';
export * from './service-account.decider.js';
