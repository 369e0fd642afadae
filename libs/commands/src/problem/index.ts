export * from './problem-intent.js';
export * from './problem-record.js';
