import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ALERT_SENDERS, AlertCommands } from './alert-commands.js';
import { AlertPayload } from './alert-payload.type.js';
import { ClearAlertInput, RaiseAlertInput } from './alert.inputs.js';

@Resolver()
export class AlertsResolver {
  constructor(private readonly alerts: AlertCommands) {}

  @Mutation(() => AlertPayload, {
    description: 'A monitoring alert: the first of a fingerprint opens an incident, repeats while it is open count on it',
  })
  @Roles(...ALERT_SENDERS)
  raiseAlert(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The alert' }) input: RaiseAlertInput): Promise<AlertPayload> {
    return this.alerts.raise(principal, input);
  }

  @Mutation(() => AlertPayload, {
    description: "The alert is over: recorded on its incident, which is resolved when the tenant's alert policy says so",
  })
  @Roles(...ALERT_SENDERS)
  clearAlert(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'Which alert' }) input: ClearAlertInput): Promise<AlertPayload> {
    return this.alerts.clear(principal, input);
  }
}
