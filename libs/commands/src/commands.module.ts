import { Global, Module } from '@nestjs/common';
import { eventSerializer } from '#events';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import { AlertIntake } from './alert/alert-intake.js';
import { Clock, SystemClock } from './clock.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';
import { RecordCommandHandler } from './record-command.handler.js';
import { RecordNumberAllocator } from './record-number-allocator.js';
import { SystemCommandSender } from './system-command-sender.js';
import { TenantSettingsService } from './tenant-settings.service.js';
import { ChangeCalendarService } from './change/change-calendar.js';
import { ChangeRecords } from './change/change-records.js';
import { ChangeSettingsService } from './change/change-settings.service.js';
import { RecordStates } from './record-states.js';

/**
 * The command side: the executor, record numbers, the clock, tenant settings, the one handler of
 * every record's commands (found by the CommandBus of a host that imports CqrsModule) and the
 * sender of system commands.
 */
@Global()
@Module({
  providers: [
    {
      provide: DeciderCommandExecutor,
      useFactory: (store: EventStore) => new DeciderCommandExecutor(store, eventSerializer),
      inject: [EVENT_STORE],
    },
    { provide: RecordNumberAllocator, useFactory: (store: EventStore) => new RecordNumberAllocator(store), inject: [EVENT_STORE] },
    { provide: Clock, useClass: SystemClock },
    TenantSettingsService,
    ChangeSettingsService,
    ChangeCalendarService,
    RecordStates,
    ChangeRecords,
    RecordCommandHandler,
    SystemCommandSender,
    AlertIntake,
  ],
  exports: [
    DeciderCommandExecutor,
    RecordNumberAllocator,
    Clock,
    TenantSettingsService,
    ChangeSettingsService,
    RecordStates,
    ChangeRecords,
    SystemCommandSender,
    AlertIntake,
  ],
})
export class CommandsModule {}
