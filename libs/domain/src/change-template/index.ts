export * from './change-template.commands.js';
export * from './change-template.state.js';
export * from './change-template.decider.js';
