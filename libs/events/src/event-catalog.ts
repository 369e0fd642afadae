import { alertEventContracts } from './alert/alert-event-contracts.js';
import { changeEventContracts } from './change/change-event-contracts.js';
import { changeTemplateEventContracts } from './change-template/change-template-event-contracts.js';
import { EventSerializer } from './event-serializer.js';
import { incidentEventContracts } from './incident/incident-event-contracts.js';
import { problemEventContracts } from './problem/problem-event-contracts.js';
import { serviceAccountEventContracts } from './service-account/service-account-event-contracts.js';
import { changeSettingsEventContracts } from './tenant/change-settings-event-contracts.js';
import { tenantSettingsEventContracts } from './tenant/tenant-settings-event-contracts.js';

/** Every event the product stores, for reading and writing them with their stored names. */
export const eventSerializer = new EventSerializer([
  ...incidentEventContracts,
  ...problemEventContracts,
  ...tenantSettingsEventContracts,
  ...serviceAccountEventContracts,
  ...alertEventContracts,
  ...changeEventContracts,
  ...changeTemplateEventContracts,
  ...changeSettingsEventContracts,
]);
