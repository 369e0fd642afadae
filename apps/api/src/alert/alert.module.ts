import { Module } from '@nestjs/common';
import { AlertCommands } from './alert-commands.js';
import { AlertPolicyResolver } from './alert-policy.resolver.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsResolver } from './alerts.resolver.js';

/** Monitoring alerts into incidents, over GraphQL and plain HTTP. */
@Module({ providers: [AlertCommands, AlertsResolver, AlertPolicyResolver], controllers: [AlertsController] })
export class AlertModule {}
