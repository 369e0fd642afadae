import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '#config';
import { openStores, type Stores } from './stores.js';
import { APP_CONFIG, EVENT_STORE, PROJECTOR_POOL, QUERY_EVENT_STORE, READ_MODEL_POOL, READ_MODEL_URL } from './tokens.js';

const STORES = Symbol('STORES');

/** Provides the configuration and the opened stores to every module of an app. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(STORES) private readonly stores: Stores) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: STORES, useFactory: () => openStores(config) },
        { provide: EVENT_STORE, useFactory: (stores: Stores) => stores.eventStore, inject: [STORES] },
        { provide: QUERY_EVENT_STORE, useFactory: (stores: Stores) => stores.queryEventStore, inject: [STORES] },
        { provide: READ_MODEL_POOL, useFactory: (stores: Stores) => stores.readModelPool, inject: [STORES] },
        { provide: PROJECTOR_POOL, useFactory: (stores: Stores) => stores.projectorPool, inject: [STORES] },
        { provide: READ_MODEL_URL, useFactory: (stores: Stores) => stores.readModelUrl, inject: [STORES] },
      ],
      exports: [APP_CONFIG, EVENT_STORE, QUERY_EVENT_STORE, READ_MODEL_POOL, PROJECTOR_POOL, READ_MODEL_URL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stores.close();
  }
}
