export * from './app-config.js';
export * from './startup.js';
