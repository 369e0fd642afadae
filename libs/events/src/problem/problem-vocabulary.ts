/**
 * The words problem events are written in, besides the shared impact, urgency and priority.
 * As with incidents, a value may be added but never removed or renamed.
 */

/**
 * How a problem ended. FIX_APPLIED: the cause was removed (its open incidents are resolved too,
 * unless the tenant turned that off); RISK_ACCEPTED: the cause stays, knowingly; DUPLICATE:
 * another problem covers it; CANCELED: withdrawn (recorded by a cancellation, never chosen).
 */
export const problemResolutionCodes = ['FIX_APPLIED', 'RISK_ACCEPTED', 'DUPLICATE', 'CANCELED'] as const;
export type ProblemResolutionCode = (typeof problemResolutionCodes)[number];

/** The codes a person resolves with; CANCELED comes only from canceling. */
export const problemResolveCodes = ['FIX_APPLIED', 'RISK_ACCEPTED', 'DUPLICATE'] as const satisfies readonly ProblemResolutionCode[];
export type ProblemResolveCode = (typeof problemResolveCodes)[number];
