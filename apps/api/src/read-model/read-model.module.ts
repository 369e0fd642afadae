import { Global, Module } from '@nestjs/common';
import { ConsistencyService } from './consistency.service.js';
import { PositionTokens } from './position-tokens.service.js';
import { ReadModelChangeFeed } from './read-model-change-feed.js';

@Global()
@Module({
  providers: [ReadModelChangeFeed, ConsistencyService, PositionTokens],
  exports: [ReadModelChangeFeed, ConsistencyService, PositionTokens],
})
export class ReadModelModule {}
