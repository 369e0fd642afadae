import type { Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppConfig } from '#config';
import { APP_CONFIG } from '#infrastructure';
import { TokenVerifier } from '../auth/token-verifier.js';
import { ReadModelUpdateFeed } from '../read-model/read-model-update-feed.js';
import { graphqlWsOptions, type ConnectionState } from './graphql-ws-options.js';
import { OperationAdmission } from './limits/operation-admission.js';

export const GRAPHQL_PATH = '/graphql';

const logger = new Logger('GraphQL');

/**
 * graphql-ws at /graphql, set up here rather than by @nestjs/graphql so that the WebSocket
 * server has a message size limit (`maxPayload`: a larger frame closes the socket with 1009
 * before it is buffered) and every operation passes the same admission as over HTTP.
 */
@Injectable()
export class GraphQLWebSocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly server: WebSocketServer;
  private stopGraphqlWs?: () => Promise<void>;

  constructor(
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'queryLimits'>,
    private readonly httpAdapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly verifier: TokenVerifier,
    private readonly admission: OperationAdmission,
    private readonly updates: ReadModelUpdateFeed,
  ) {
    this.server = new WebSocketServer({
      noServer: true,
      path: GRAPHQL_PATH,
      maxPayload: config.queryLimits.maxWebSocketMessageBytes,
    });
  }

  onApplicationBootstrap(): void {
    const disposable = useServer<Record<string, unknown> | undefined, ConnectionState>(
      { schema: this.schemaHost.schema, ...graphqlWsOptions(this.verifier, this.admission, this.updates) },
      this.server,
    );
    this.stopGraphqlWs = async () => disposable.dispose();
    const httpServer = this.httpAdapterHost.httpAdapter.getHttpServer() as Server;
    httpServer.on('upgrade', (request, socket, head) => {
      if (!this.server.shouldHandle(request)) {
        socket.destroy();
        return;
      }
      this.server.handleUpgrade(request, socket, head, (webSocket) => {
        this.server.emit('connection', webSocket, request);
        // ws has already closed the socket (1009 for a message over maxPayload); graphql-ws would
        // also print every such error to the console, which a caller could flood.
        webSocket.removeAllListeners('error');
        webSocket.on('error', (error) => logger.debug(`WebSocket closed: ${error.message}`));
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stopGraphqlWs?.();
  }
}
