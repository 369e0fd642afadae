import { priorities, type TenantSettingsEvent } from '#events';
import { DomainError } from '../domain-error.js';
import { normalizeInstant } from '../instant.js';
import type { IncidentSlaPolicy } from '../incident/incident-sla-policy.js';
import type { TenantSettingsCommand } from './tenant-settings.commands.js';
import type { TenantSettingsState } from './tenant-settings.state.js';
import { requireIncidentSlaPolicy } from './incident-sla-policy.validate.js';

/** Input first (BAD_USER_INPUT), then whether it changes anything (INVALID_TRANSITION). */
export function decideTenantSettings(
  command: TenantSettingsCommand,
  state: TenantSettingsState,
): TenantSettingsEvent[] {
  const at = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'ConfigureIncidentSlaPolicy': {
      const policy = requireIncidentSlaPolicy(command.data.policy);
      if (state.incidentSlaPolicy !== null && samePolicy(state.incidentSlaPolicy, policy)) {
        throw DomainError.invalidTransition('The tenant already has this incident SLA policy');
      }
      return [{ type: 'IncidentSlaPolicyConfigured', data: { policy, at } }];
    }
    case 'ConfigureProblemIncidentPolicy': {
      const { resolveLinkedIncidentsOnFix } = command.data;
      if (typeof resolveLinkedIncidentsOnFix !== 'boolean')
        throw DomainError.badUserInput('resolveLinkedIncidentsOnFix', 'resolveLinkedIncidentsOnFix must be true or false');
      if ((state.resolveLinkedIncidentsOnFix ?? true) === resolveLinkedIncidentsOnFix) {
        throw DomainError.invalidTransition('The tenant already has this problem policy');
      }
      return [{ type: 'ProblemIncidentPolicyConfigured', data: { resolveLinkedIncidentsOnFix, at } }];
    }
    case 'ConfigureAlertPolicy': {
      const { resolveIncidentOnClear } = command.data;
      if (state.alertPolicy?.resolveIncidentOnClear === resolveIncidentOnClear) {
        throw DomainError.invalidTransition('The tenant already has this alert policy');
      }
      return [{ type: 'AlertPolicyConfigured', data: { resolveIncidentOnClear, at } }];
    }
  }
}

function samePolicy(a: IncidentSlaPolicy, b: IncidentSlaPolicy): boolean {
  return priorities.every(
    (priority) =>
      a[priority].responseMinutes === b[priority].responseMinutes &&
      a[priority].resolutionMinutes === b[priority].resolutionMinutes,
  );
}
