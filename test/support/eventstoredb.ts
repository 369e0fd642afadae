export interface TestEventStoreDb {
  /** An `esdb://` connection string for `EsdbEventStore`. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

const IMAGE = 'eventstore/eventstore:24.10';
const HTTP_AND_GRPC_PORT = 2113;
const STARTUP_TIMEOUT_MS = 120_000;

/**
 * The server in TEST_EVENTSTORE_URL when given (stopping it is not ours to do), else a throwaway
 * single node in a container: insecure, in memory, without projections, ready once its liveness
 * endpoint answers.
 */
export async function startTestEventStoreDb(): Promise<TestEventStoreDb> {
  const given = process.env.TEST_EVENTSTORE_URL;
  if (given) return { connectionString: given, stop: async () => undefined };
  // Loaded only here: suites that skip EventStoreDB should not pay for importing testcontainers.
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_MEM_DB: 'true',
    })
    .withExposedPorts(HTTP_AND_GRPC_PORT)
    .withWaitStrategy(Wait.forHttp('/health/live', HTTP_AND_GRPC_PORT))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  return {
    connectionString: `esdb://${container.getHost()}:${container.getMappedPort(HTTP_AND_GRPC_PORT)}?tls=false`,
    async stop() {
      await container.stop();
    },
  };
}
