import { request } from 'node:http';

export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** Whatever sends a test's GraphQL operations: the factories need nothing more of a test system. */
export interface GraphQLCaller {
  // Tests read deep into responses; an untyped default keeps them legible.
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
}

/** Sends one GraphQL operation over real HTTP. */
// Tests read deep into responses; an untyped default keeps them legible.
export async function graphql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The first error's code, for asserting refusals. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

export interface ClientOptions {
  token?: string;
  /** The address the request leaves from: every 127.x.y.z works on Linux, to act as another client. */
  localAddress?: string;
  headers?: Record<string, string>;
}

/** Like graphql(), as a particular client: from another local address, or with extra headers. */
export function graphqlAs<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: ClientOptions,
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: options.localAddress,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<GraphQLResponse<T>, 'status'>;
            resolve({ status: res.statusCode ?? 0, ...parsed });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
