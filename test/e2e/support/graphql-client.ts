import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string | null;
  readonly data?: Data | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown>; path?: readonly string[] }[];
}

/** A plain GraphQL-over-HTTP client, as any front end would use: POST with JSON. */
export async function graphql<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status' | 'contentType'>;
  return { status: response.status, contentType: response.headers.get('content-type'), ...body };
}

/** A graphql-ws client over a real WebSocket. */
export function wsClient(url: string, token?: string, onClosed?: (event: unknown) => void): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    ...(onClosed ? { on: { closed: onClosed } } : {}),
  });
}
