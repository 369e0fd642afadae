export * from './change-intent.js';
export * from './change-records.js';
export * from './change-settings.service.js';
export * from './change-calendar.js';
