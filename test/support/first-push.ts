import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface FirstPush<T> {
  client: Client;
  /** Resolves once the server acknowledged the connection. */
  connected: Promise<void>;
  /** The first value the subscription pushes. */
  first: Promise<T>;
}

/** Subscribes as `token` over graphql-ws and keeps the first pushed value of `field`. */
export function firstPush<T>(apiUrl: string, token: string, query: string, field: string): FirstPush<T> {
  const client = createClient({
    url: apiUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const first = new Promise<T>((resolve, reject) => {
    client.subscribe<Record<string, T>>(
      { query },
      {
        next: (value) => {
          const pushed = value.data?.[field];
          if (pushed !== undefined) resolve(pushed);
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
  return { client, connected, first };
}
