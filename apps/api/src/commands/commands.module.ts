import { Global, Module } from '@nestjs/common';
import { eventSerializer } from '#events';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import { TenantSettingsService } from '../tenant/tenant-settings.service.js';
import { Clock, DeciderCommandExecutor, RecordNumberAllocator, SystemClock } from '#commands';

/** What every command handler needs: the executor, record numbers, the clock, tenant settings. */
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
  ],
  exports: [DeciderCommandExecutor, RecordNumberAllocator, Clock, TenantSettingsService],
})
export class CommandsModule {}
