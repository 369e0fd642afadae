import { Module } from '@nestjs/common';
import { HistoryResolver } from './history.resolver.js';
import { RecordEventsReader } from './record-events.reader.js';

/** Auditing reads straight from the event store: `history`, and the events behind as-of views. */
@Module({
  providers: [RecordEventsReader, HistoryResolver],
  exports: [RecordEventsReader],
})
export class HistoryModule {}
