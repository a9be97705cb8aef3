import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { classifyAddress, isIpLiteral } from './address-class.js';

/** Where webhooks may go: loopback (and plain http to it) only outside production. */
export interface TargetPolicy {
  allowLoopback: boolean;
}

/** A webhook URL we will not call, with a reason fit to show its owner. */
export class UnsafeWebhookTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeWebhookTargetError';
  }
}

/** Resolves a host name to every address it has (dns.lookup with `all`, so /etc/hosts counts too). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** The host of a URL without IPv6 brackets, as sockets and the resolver take it. */
export function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Refuses an address unless it is public, or loopback where the policy allows it. */
function assertAllowed(address: string, policy: TargetPolicy, httpOnly: boolean): void {
  const kind = classifyAddress(address);
  if (kind === 'loopback' && policy.allowLoopback) return;
  if (kind === 'public' && !httpOnly) return;
  if (kind === 'public') throw new UnsafeWebhookTargetError('must use https (plain http only reaches loopback)');
  throw new UnsafeWebhookTargetError(`refused: the host resolves to a ${kind} address (${address})`);
}

/**
 * Checks what can be checked without the network: a parseable URL, https (or http to
 * loopback outside production), no credentials, and a literal IP host's class.
 */
export function parseWebhookUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookTargetError('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeWebhookTargetError('must use https');
  if (url.protocol === 'http:' && !policy.allowLoopback) throw new UnsafeWebhookTargetError('must use https');
  if (url.username || url.password) throw new UnsafeWebhookTargetError('must not carry a user name or password');
  const host = bareHost(url);
  if (isIpLiteral(host)) assertAllowed(host, policy, url.protocol === 'http:');
  return url;
}

/** Resolves the URL's host and refuses it unless every address it has is allowed. */
export async function resolveAllowedAddresses(
  url: URL,
  policy: TargetPolicy,
  resolver: HostResolver = systemResolver,
): Promise<LookupAddress[]> {
  const host = bareHost(url);
  if (isIpLiteral(host)) {
    assertAllowed(host, policy, url.protocol === 'http:');
    return [{ address: host, family: host.includes(':') ? 6 : 4 }];
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolver(host);
  } catch {
    throw new UnsafeWebhookTargetError(`refused: ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new UnsafeWebhookTargetError(`refused: ${host} does not resolve`);
  // Every address, not just the first: a client may connect to any of them.
  for (const { address } of addresses) assertAllowed(address, policy, url.protocol === 'http:');
  return addresses;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves, checks and hands the socket the very
 * address it checked, so DNS cannot answer differently between check and connect.
 */
export function guardedLookup(url: URL, policy: TargetPolicy, resolver: HostResolver = systemResolver) {
  return (_hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolveAllowedAddresses(url, policy, resolver).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(Object.assign(error, { code: 'EWEBHOOKTARGET' }), ''),
    );
  };
}
