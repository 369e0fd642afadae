import type { AlertSeverity, Level } from '#events';

/**
 * The impact and urgency an alert's incident opens with, so its priority follows the matrix:
 * CRITICAL P1, ERROR P2, WARNING P3, INFO P5. People reprioritise as they learn more.
 */
export const alertSeverityLevels: { readonly [S in AlertSeverity]: { readonly impact: Level; readonly urgency: Level } } = {
  CRITICAL: { impact: 1, urgency: 1 },
  ERROR: { impact: 2, urgency: 1 },
  WARNING: { impact: 2, urgency: 2 },
  INFO: { impact: 3, urgency: 3 },
};
