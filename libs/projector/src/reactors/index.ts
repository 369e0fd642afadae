export * from './reactor-definition.js';
export * from './reactor-effect-sender.js';
export * from './log-reactor.js';
export * from './problem-fix.reactor.js';
export * from './change-follow-up.reactor.js';
