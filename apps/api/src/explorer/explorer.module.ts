import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ExplorerMiddleware } from './explorer.middleware.js';

/** GraphiQL at GET /graphql for browsers; the app imports it outside production only. */
@Module({})
export class ExplorerModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ExplorerMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }
}
