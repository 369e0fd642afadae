import { Global, Module } from '@nestjs/common';
import { ConsistencyService } from './consistency.service.js';
import { PositionTokens } from './position-tokens.service.js';
import { ReadModelUpdateFeed } from './read-model-update-feed.js';

@Global()
@Module({
  providers: [ReadModelUpdateFeed, ConsistencyService, PositionTokens],
  exports: [ReadModelUpdateFeed, ConsistencyService, PositionTokens],
})
export class ReadModelModule {}
