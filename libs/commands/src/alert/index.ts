export * from './alert-ids.js';
export * from './alert-intake.js';
