import type { LookupAddress } from 'node:dns';
import { guardedLookup, parseWebhookUrl, resolveAllowedAddresses, UnsafeWebhookTargetError } from './webhook-target.js';

const production = { allowLoopback: false };
const development = { allowLoopback: true };

/** A DNS that answers from a table, so names can point anywhere without a real server. */
function fakeDns(table: Record<string, string[]>) {
  return (hostname: string): Promise<LookupAddress[]> => {
    const addresses = table[hostname];
    if (!addresses) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

const dns = fakeDns({
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'internal.example.com': ['10.0.0.7'],
  'half.example.com': ['93.184.216.34', '192.168.1.10'],
  'metadata.example.com': ['169.254.169.254'],
  'v6meta.example.com': ['fd00:ec2::254'],
  'cgnat.example.com': ['100.64.1.1'],
  localhost: ['127.0.0.1', '::1'],
});

async function refusal(raw: string, policy = production): Promise<string> {
  try {
    await resolveAllowedAddresses(parseWebhookUrl(raw, policy), policy, dns);
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeWebhookTargetError);
    return (error as Error).message;
  }
  throw new Error(`${raw} was allowed`);
}

describe('webhook targets', () => {
  it('allows https to a host whose every address is public', async () => {
    const url = parseWebhookUrl('https://hooks.example.com/in', production);
    await expect(resolveAllowedAddresses(url, production, dns)).resolves.toHaveLength(2);
  });

  it.each([
    'https://localhost/hook',
    'https://[::1]/hook',
    'https://2130706433/hook',
    'https://0x7f000001/hook',
    'https://127.1/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://0.0.0.0/hook',
    'https://127.0.0.1:8443/hook',
  ])('refuses loopback in production, in every spelling: %s', async (raw) => {
    expect(await refusal(raw)).toMatch(/loopback|unspecified/);
  });

  it.each([
    ['https://internal.example.com/', /private/],
    ['https://half.example.com/', /private/],
    ['https://metadata.example.com/', /metadata/],
    ['https://v6meta.example.com/', /metadata/],
    ['https://169.254.169.254/latest/meta-data', /metadata/],
    ['https://[fd00:ec2::254]/', /metadata/],
    ['https://cgnat.example.com/', /cgnat/],
    ['https://[fe80::1]/', /link-local/],
    ['https://224.0.0.1/', /multicast/],
    ['https://[::ffff:10.0.0.1]/', /private/],
    ['https://nowhere.example.com/', /does not resolve/],
  ])('refuses %s everywhere', async (raw, reason) => {
    expect(await refusal(raw, development)).toMatch(reason);
    expect(await refusal(raw, production)).toMatch(reason);
  });

  it('takes plain http only to loopback and only outside production', async () => {
    await expect(
      resolveAllowedAddresses(parseWebhookUrl('http://localhost:8080/', development), development, dns),
    ).resolves.toHaveLength(2);
    expect(parseWebhookUrl('http://127.0.0.1:8080/', development).port).toBe('8080');
    expect(await refusal('http://10.0.0.1:8080/', development)).toMatch(/private/);
    expect(await refusal('http://hooks.example.com/', development)).toMatch(/https/);
    expect(await refusal('http://localhost:8080/', production)).toBe('must use https');
    expect(await refusal('ftp://hooks.example.com/', development)).toBe('must use https');
  });

  it('refuses what is not a URL and URLs that carry credentials', async () => {
    expect(await refusal('hooks.example.com/in')).toBe('must be an absolute URL');
    expect(await refusal('https://user:pass@hooks.example.com/')).toMatch(/user name or password/);
  });

  it('hands the socket the very address it checked, and refuses a name that now points inside', async () => {
    let answers = ['93.184.216.34'];
    const rebinding = (): Promise<LookupAddress[]> =>
      Promise.resolve(answers.map((address) => ({ address, family: 4 })));
    const url = new URL('https://rebind.example.com/');
    const lookup = guardedLookup(url, production, rebinding);
    const first = await new Promise<[Error | null, unknown]>((resolve) =>
      lookup('rebind.example.com', {}, (error, address) => resolve([error, address])),
    );
    expect(first).toEqual([null, '93.184.216.34']);
    answers = ['10.0.0.1'];
    const second = await new Promise<[Error | null, unknown]>((resolve) =>
      lookup('rebind.example.com', { all: true }, (error, address) => resolve([error, address])),
    );
    expect(second[0]?.message).toMatch(/private address \(10\.0\.0\.1\)/);
  });
});
