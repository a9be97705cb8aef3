import { checkSignedLink, signLink } from './signed-link.js';

describe('signed links', () => {
  const secret = 'a-secret-of-at-least-some-length';
  const now = new Date('2026-03-02T10:00:00Z');
  const until = new Date('2026-03-02T10:15:00Z');
  const link = signLink(secret, '/programs/p1/metrics.csv?by=u1', until);

  it('puts the expiry in unix seconds and accepts the link until then', () => {
    expect(link.expires).toBe(String(until.getTime() / 1000));
    expect(checkSignedLink(secret, '/programs/p1/metrics.csv?by=u1', link, now)).toBe('VALID');
  });

  it('calls a link expired from its expiry on', () => {
    expect(checkSignedLink(secret, '/programs/p1/metrics.csv?by=u1', link, until)).toBe('EXPIRED');
  });

  it('refuses another subject, another secret, a moved expiry and a changed or missing signature', () => {
    const later = String(Number(link.expires) + 3600);
    expect(checkSignedLink(secret, '/programs/p2/metrics.csv?by=u1', link, now)).toBe('FORGED');
    expect(checkSignedLink('another-secret', '/programs/p1/metrics.csv?by=u1', link, now)).toBe('FORGED');
    expect(checkSignedLink(secret, '/programs/p1/metrics.csv?by=u1', { ...link, expires: later }, now)).toBe('FORGED');
    const flipped = (link.signature[0] === 'A' ? 'B' : 'A') + link.signature.slice(1);
    expect(checkSignedLink(secret, '/programs/p1/metrics.csv?by=u1', { ...link, signature: flipped }, now)).toBe(
      'FORGED',
    );
    expect(checkSignedLink(secret, '/programs/p1/metrics.csv?by=u1', { expires: link.expires }, now)).toBe('FORGED');
    expect(checkSignedLink(secret, '/programs/p1/metrics.csv?by=u1', { ...link, expires: '1e12' }, now)).toBe('FORGED');
  });

  it('refuses an expired link that was tampered with as forged, not expired', () => {
    const old = signLink(secret, 'x', new Date('2026-03-01T00:00:00Z'));
    expect(checkSignedLink(secret, 'x', { ...old, signature: old.signature.slice(1) + 'A' }, now)).toBe('FORGED');
  });
});
