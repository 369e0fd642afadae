import { Global, Module } from '@nestjs/common';
import { ConsistencyService } from './consistency.service.js';
import { ReadModelChangeFeed } from './read-model-change-feed.js';

@Global()
@Module({
  providers: [ReadModelChangeFeed, ConsistencyService],
  exports: [ReadModelChangeFeed, ConsistencyService],
})
export class ReadModelModule {}
