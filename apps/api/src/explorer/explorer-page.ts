import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEFAULT_QUERY = `# ITSM GraphQL explorer (not served in production)
#
# Operations need a token. In "Headers" below:
#   {"Authorization": "Bearer <token>"}
# Get one: npm run token -- --tenant acme
# Subscriptions use the same header.

query Settings {
  tenantSettings {
    isDefault
  }
}
`;

/**
 * GraphiQL's fetcher. Queries and mutations are JSON POSTs carrying the headers typed into the
 * Headers editor; subscriptions use graphql-ws, which a browser cannot give headers, so the
 * Authorization header goes in its connection parameters, as the API expects. A new token
 * opens a new socket, since the server reads it once, at connection.
 */
const FETCHER = `
const endpoint = new URL(location.pathname, location.href).href;
let socket = { authorization: undefined, client: undefined };

function headerValue(headers, name) {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

function isSubscription(params, documentAST) {
  return (documentAST?.definitions ?? []).some((definition) =>
    definition.kind === 'OperationDefinition' && definition.operation === 'subscription' &&
    (!params.operationName || definition.name?.value === params.operationName));
}

function socketFor(authorization) {
  if (!socket.client || socket.authorization !== authorization) {
    socket.client?.dispose();
    socket = {
      authorization,
      client: graphqlWs.createClient({
        url: endpoint.replace(/^http/, 'ws'),
        connectionParams: authorization ? { authorization } : {},
      }),
    };
  }
  return socket.client;
}

function fetcher(params, options) {
  const headers = options?.headers ?? {};
  if (isSubscription(params, options?.documentAST)) {
    return socketFor(headerValue(headers, 'authorization')).iterate(params);
  }
  return fetch(endpoint, {
    method: 'POST',
    headers: { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  }).then((response) => response.json());
}
`;

interface Assets {
  readonly graphiql: typeof import('@graphql-yoga/render-graphiql/graphiql');
  readonly graphqlWsClient: string;
}

let page: Promise<string> | undefined;

/**
 * The explorer as one self-contained page: GraphiQL's scripts, styles, fonts and editor workers
 * are inlined by `@graphql-yoga/render-graphiql`, the graphql-ws client comes from the package
 * the server uses, so the page loads nothing from elsewhere. Built on first use (about 10 MB).
 */
export function explorerPage(): Promise<string> {
  page ??= loadAssets().then(render);
  return page;
}

async function loadAssets(): Promise<Assets> {
  // graphql-ws ships a browser build (umd/) outside its exports map: found beside its entry point.
  const graphqlWsEntry = createRequire(import.meta.url).resolve('graphql-ws');
  const [graphiql, graphqlWsClient] = await Promise.all([
    import('@graphql-yoga/render-graphiql/graphiql'),
    readFile(join(dirname(graphqlWsEntry), '..', 'umd', 'graphql-ws.min.js'), 'utf8'),
  ]);
  return { graphiql, graphqlWsClient };
}

/** Data for an inline script: JSON that cannot close the script element. */
function scriptData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function render({ graphiql, graphqlWsClient }: Assets): string {
  const options = { title: 'ITSM GraphQL explorer', defaultQuery: DEFAULT_QUERY };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>ITSM GraphQL explorer</title>
    <link rel="icon" href="${graphiql.favicon}" />
    <style>${graphiql.css}</style>
  </head>
  <body>
    <noscript>The explorer needs JavaScript.</noscript>
    <div id="root"></div>
    <script>${graphqlWsClient}</script>
    <script>
      (() => {
        const workerUrl = (source) => URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
        const workers = {
          editorWorkerService: workerUrl(${scriptData(graphiql.editorWorkerService)}),
          json: workerUrl(${scriptData(graphiql.jsonWorker)}),
          graphql: workerUrl(${scriptData(graphiql.graphqlWorker)}),
        };
        // GraphiQL's editor (Monaco) starts its language workers from these inlined sources.
        self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
      })();
    </script>
    <script>${graphiql.js}</script>
    <script>
      (() => {
        ${FETCHER}
        YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), { ...${scriptData(options)}, fetcher });
      })();
    </script>
  </body>
</html>
`;
}
