import { registerEnumType } from '@nestjs/graphql';
import { problemResolutionCodes, problemResolveCodes, type ProblemResolutionCode, type ProblemResolveCode } from '#events';
import { problemStatuses, type ProblemStatus } from '#domain';
import { enumOf } from '../../graphql/enum-of.js';

export const ProblemStateEnum = enumOf<ProblemStatus>(problemStatuses);
export const ProblemResolutionCodeEnum = enumOf<ProblemResolutionCode>(problemResolutionCodes);
export const ProblemResolveCodeEnum = enumOf<ProblemResolveCode>(problemResolveCodes);

registerEnumType(ProblemStateEnum, {
  name: 'ProblemState',
  description: 'Where a problem is in its life cycle; CLOSED is final (a canceled problem is CLOSED with the code CANCELED)',
  valuesMap: {
    NEW: { description: 'Logged, not yet assessed' },
    ASSESSED: { description: 'Confirmed as a problem, impact and urgency assessed' },
    ROOT_CAUSE_ANALYSIS: { description: 'Its cause is being looked for' },
    FIX_IN_PROGRESS: { description: 'The root cause is known and a fix is being made' },
    RESOLVED: { description: 'A resolution was given; re-analysed if the fix did not hold' },
    CLOSED: { description: 'Done for good' },
  },
});
registerEnumType(ProblemResolutionCodeEnum, {
  name: 'ProblemResolutionCode',
  description: 'How a problem ended',
  valuesMap: {
    FIX_APPLIED: { description: 'The cause was removed; its open incidents are resolved too unless the tenant turned that off' },
    RISK_ACCEPTED: { description: 'The cause stays, knowingly (usually with a workaround)' },
    DUPLICATE: { description: 'Another problem covers it (see duplicateOf)' },
    CANCELED: { description: 'Withdrawn by cancelProblem' },
  },
});
registerEnumType(ProblemResolveCodeEnum, {
  name: 'ProblemResolveCode',
  description: 'The codes resolveProblem takes: FIX_APPLIED from FIX_IN_PROGRESS, RISK_ACCEPTED from ROOT_CAUSE_ANALYSIS on, DUPLICATE from ASSESSED on',
  valuesMap: {
    FIX_APPLIED: { description: 'The cause was removed' },
    RISK_ACCEPTED: { description: 'The cause stays, knowingly' },
    DUPLICATE: { description: 'Another problem covers it: give duplicateOf' },
  },
});
