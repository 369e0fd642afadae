import { Injectable } from '@nestjs/common';
import {
  changeDecider,
  changeTemplateDecider,
  type ChangeCommand,
  type ChangeState,
  type ChangeTemplateCommand,
  type ChangeTemplateInput,
  type ChangeTemplateState,
  type CreateChangeTemplate,
  type ReviseChangeTemplate,
  type RetireChangeTemplate,
} from '#domain';
import type { ChangeEvent, ChangeTemplateEvent } from '#events';
import type { RecordDefinition } from '../record-definition.js';
import { ChangeCalendarService } from './change-calendar.js';
import type { ChangeIntent, RequestChangeFields } from './change-intent.js';
import { ChangeSettingsService } from './change-settings.service.js';

export type ChangeRecordDefinition = RecordDefinition<ChangeCommand, ChangeEvent, ChangeState, RequestChangeFields, ChangeIntent>;

export type ChangeTemplateIntent = Omit<ReviseChangeTemplate, 'metadata'> | Omit<RetireChangeTemplate, 'metadata'>;

export type ChangeTemplateRecordDefinition = RecordDefinition<
  ChangeTemplateCommand,
  ChangeTemplateEvent,
  ChangeTemplateState,
  ChangeTemplateInput,
  ChangeTemplateIntent
>;

const templateDefinition: ChangeTemplateRecordDefinition = {
  kind: 'template',
  decider: changeTemplateDecider,
  idNamespace: '3b8e2f61-5c0d-4a7e-9f12-6d4c8b2a1e90',
  async open(fields, { id, tenant, number }, { envelope }) {
    const data: CreateChangeTemplate['data'] = { ...fields, templateId: id, tenant, number };
    return { type: 'CreateChangeTemplate', data, metadata: { now: envelope.now.toISOString() } };
  },
  async complete(intent, { envelope }) {
    return { ...intent, metadata: { now: envelope.now.toISOString() } } as ChangeTemplateCommand;
  },
};

/**
 * Changes and standard change templates on the one command path. A change's hooks read what
 * its decisions rest on besides the change itself: the template it is made from, the tenant's
 * change authority when it enters AUTHORIZE, the calendar when it is scheduled.
 */
@Injectable()
export class ChangeRecords {
  readonly template = templateDefinition;
  readonly change: ChangeRecordDefinition;

  constructor(settings: ChangeSettingsService, calendar: ChangeCalendarService) {
    this.change = {
      kind: 'change',
      decider: changeDecider,
      idNamespace: '9d2c7a14-0e6b-4f3a-8c51-2b7e9f4d6a03',
      async open({ templateId, ...fields }, { id, tenant, number }, { envelope, records }) {
        const template =
          templateId === undefined ? null : { templateId, current: await records.read('template', changeTemplateDecider, tenant, templateId) };
        return {
          type: 'RequestChange',
          data: { ...fields, changeId: id, tenant, number, requestedBy: envelope.actor, template },
          metadata: { now: envelope.now.toISOString() },
        };
      },
      async complete(intent, { envelope, records }) {
        const metadata = { now: envelope.now.toISOString() };
        switch (intent.type) {
          case 'LinkChangeToIncident':
            await records.requireExisting('incident', envelope.tenant, intent.data.incidentId, 'incidentId');
            return { ...intent, metadata };
          case 'LinkChangeToProblem':
            await records.requireExisting('problem', envelope.tenant, intent.data.problemId, 'problemId');
            return { ...intent, metadata };
          case 'SubmitChange':
            return { type: intent.type, data: { authority: (await settings.settings(envelope.tenant)).changeAuthority }, metadata };
          case 'AssessChangeRisk':
            return { type: intent.type, data: { ...intent.data, authority: (await settings.settings(envelope.tenant)).changeAuthority }, metadata };
          case 'ScheduleChange': {
            const { plannedStart, plannedEnd } = intent.data;
            return { type: intent.type, data: { ...intent.data, calendar: await calendar.around(envelope.tenant, plannedStart, plannedEnd) }, metadata };
          }
          default:
            return { ...intent, metadata };
        }
      },
    };
  }
}
