import { MAX_ATTEMPTS, retryDelayMs, RETRY_DELAYS_MS } from './webhook-retry-schedule.js';

describe('webhook retry schedule', () => {
  it('backs off exponentially-ish over about a day, then gives up', () => {
    const middle = (n: number) => retryDelayMs(n, () => 0.5);
    expect([1, 2, 3, 4, 5, 6].map(middle)).toEqual([...RETRY_DELAYS_MS]);
    for (let n = 2; n <= 6; n++) expect(middle(n)!).toBeGreaterThan(middle(n - 1)!);
    const total = RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 3_600_000;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(26);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(7);
  });

  it('jitters each wait by at most a fifth either way', () => {
    expect(retryDelayMs(1, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, () => 1)).toBe(72_000);
  });
});
