import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { RecordLiveUpdates } from './record-live-updates.service.js';

/** What the generic read side of every record type injects: live updates and the event reader behind as-of views. */
@Module({
  imports: [HistoryModule],
  providers: [RecordLiveUpdates],
  exports: [RecordLiveUpdates, HistoryModule],
})
export class RecordsModule {}
