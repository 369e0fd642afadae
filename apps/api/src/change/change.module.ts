import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { ChangeAuthorizationResolver } from './graphql/change-authorization.resolver.js';
import { ChangeDeliveryResolver } from './graphql/change-delivery.resolver.js';
import { ChangePayloadResolver } from './graphql/change-payload.js';
import { ChangeQueriesResolver } from './graphql/change-queries.resolver.js';
import { ChangeRequestResolver } from './graphql/change-request.resolver.js';
import { ChangeCalendarController } from './schedule/change-calendar.controller.js';
import { ChangeScheduleResolver } from './schedule/change-schedule.resolver.js';
import { ChangeScheduleService } from './schedule/change-schedule.service.js';
import { ChangeSettingsResolver } from './settings/change-settings.resolver.js';
import {
  ChangeTemplateMutationsResolver,
  ChangeTemplatePayloadResolver,
  ChangeTemplateQueriesResolver,
} from './template/change-template.graphql.js';

/** Changes, their templates, the change authority and blackout windows, the schedule and its iCalendar feed. */
@Module({
  imports: [RecordsModule],
  controllers: [ChangeCalendarController],
  providers: [
    ChangeQueriesResolver,
    ChangePayloadResolver,
    ChangeRequestResolver,
    ChangeAuthorizationResolver,
    ChangeDeliveryResolver,
    ChangeScheduleService,
    ChangeScheduleResolver,
    ChangeSettingsResolver,
    ChangeTemplateQueriesResolver,
    ChangeTemplatePayloadResolver,
    ChangeTemplateMutationsResolver,
  ],
  exports: [ChangeQueriesResolver, ChangeTemplateQueriesResolver],
})
export class ChangeModule {}
