/**
 * How bad a monitoring tool says an alert is, in PagerDuty's four words (Alertmanager's
 * `critical`, `warning`, `info` are among them). A value may be added, never removed or renamed.
 */
export const alertSeverities = ['CRITICAL', 'ERROR', 'WARNING', 'INFO'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];
