export * from './incident.commands.js';
export * from './incident.state.js';
export * from './incident.decide.js';
export * from './incident.decider.js';
export * from './incident-sla-policy.js';
export * from './incident-sla.js';
export * from './incident-auto-close.js';
export type {
  IncidentSlaClock,
  SlaPause,
  SlaTimerClock,
  SlaOutcome,
} from './incident-sla-clock.js';
