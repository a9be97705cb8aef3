import { isIPv4, isIPv6 } from 'node:net';

/** What an IP address is, for deciding whether a webhook may be sent there. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'metadata'
  | 'unspecified'
  | 'reserved'
  | 'invalid';

type Range = readonly [base: bigint, prefix: number, kind: AddressClass];

function v4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Checked in order: the first range that holds the address names it (so metadata before link-local). */
const V4_RANGES: readonly Range[] = [
  [v4('169.254.169.254'), 32, 'metadata'],
  [v4('0.0.0.0'), 8, 'unspecified'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'cgnat'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved'], // IETF protocol assignments
  [v4('192.0.2.0'), 24, 'reserved'], // TEST-NET-1
  [v4('192.88.99.0'), 24, 'reserved'], // 6to4 relay anycast
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'reserved'], // benchmarking
  [v4('198.51.100.0'), 24, 'reserved'], // TEST-NET-2
  [v4('203.0.113.0'), 24, 'reserved'], // TEST-NET-3
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'], // future use and broadcast
];

function inRange(value: bigint, bits: number, base: bigint, prefix: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

function classifyV4(value: bigint): AddressClass {
  return V4_RANGES.find(([base, prefix]) => inRange(value, 32, base, prefix))?.[2] ?? 'public';
}

/** The 128-bit value of an IPv6 address (zone id dropped, a dotted IPv4 tail allowed). */
function v6(text: string): bigint {
  const [address = ''] = text.split('%');
  let groups: string[];
  const tail = address.match(/(\d+\.\d+\.\d+\.\d+)$/);
  const head = tail ? address.slice(0, -tail[1].length) : address;
  const [left = '', right] = head.split('::');
  const leftGroups = left ? left.split(':').filter((g) => g !== '') : [];
  const rightGroups = right ? right.split(':').filter((g) => g !== '') : [];
  const tailGroups = tail ? [(v4(tail[1]) >> 16n).toString(16), (v4(tail[1]) & 0xffffn).toString(16)] : [];
  const given = leftGroups.length + rightGroups.length + tailGroups.length;
  if (right === undefined) groups = [...leftGroups, ...tailGroups];
  else groups = [...leftGroups, ...Array<string>(8 - given).fill('0'), ...rightGroups, ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

const V6_RANGES: readonly Range[] = [
  [v6('::'), 128, 'unspecified'],
  [v6('::1'), 128, 'loopback'],
  [v6('fd00:ec2::254'), 128, 'metadata'],
  [v6('100::'), 64, 'reserved'], // discard-only
  [v6('2001::'), 32, 'reserved'], // Teredo tunnels can carry any IPv4 target
  [v6('2001:db8::'), 32, 'reserved'], // documentation
  [v6('fc00::'), 7, 'private'], // unique local
  [v6('fe80::'), 10, 'link-local'],
  [v6('fec0::'), 10, 'private'], // deprecated site-local
  [v6('ff00::'), 8, 'multicast'],
];

/** Prefixes that embed an IPv4 address in their low bits; the embedded address decides. */
const V6_EMBEDDING_V4: ReadonlyArray<readonly [base: bigint, prefix: number, extract: (value: bigint) => bigint]> = [
  [v6('::ffff:0:0'), 96, (value) => value & 0xffffffffn], // IPv4-mapped
  [v6('64:ff9b::'), 96, (value) => value & 0xffffffffn], // NAT64
  [v6('::'), 96, (value) => value & 0xffffffffn], // IPv4-compatible (deprecated)
  [v6('2002::'), 16, (value) => (value >> 80n) & 0xffffffffn], // 6to4
];

function classifyV6(value: bigint): AddressClass {
  const named = V6_RANGES.find(([base, prefix]) => inRange(value, 128, base, prefix));
  if (named) return named[2];
  const embedding = V6_EMBEDDING_V4.find(([base, prefix]) => inRange(value, 128, base, prefix));
  if (embedding) return classifyV4(embedding[2](value));
  // Only 2000::/3 is allocated as global unicast; everything else is unassigned or special.
  return inRange(value, 128, v6('2000::'), 3) ? 'public' : 'reserved';
}

/** Classifies a literal IPv4 or IPv6 address (brackets allowed); anything else is 'invalid'. */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return classifyV4(v4(bare));
  if (isIPv6(bare)) return classifyV6(v6(bare));
  return 'invalid';
}

/** A literal IP host (as WHATWG URL normalises it: `127.1` and `0x7f000001` become `127.0.0.1`). */
export function isIpLiteral(host: string): boolean {
  return classifyAddress(host) !== 'invalid';
}
