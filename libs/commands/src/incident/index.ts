export * from './incident-intent.js';
export * from './incident-record.js';
