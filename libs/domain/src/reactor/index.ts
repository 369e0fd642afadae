export * from './reactor.js';
export * from './problem-fix.reactor.js';
export * from './change-follow-up.reactor.js';
export * from './incident-timer.reactor.js';
