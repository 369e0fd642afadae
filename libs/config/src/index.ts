export * from './app-config.js';
export * from './startup.js';
export * from './app-logger.js';
