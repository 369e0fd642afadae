export * from './service-account-record.js';
export * from './service-account-secret.js';
