import { PerKeyLimit } from './per-key-limit.js';

/** A task that stays running until released, recording how many ran at once. */
function gate() {
  let running = 0;
  let most = 0;
  const releases: Array<() => void> = [];
  const task = () =>
    new Promise<void>((resolve) => {
      running++;
      most = Math.max(most, running);
      releases.push(() => {
        running--;
        resolve();
      });
    });
  return { task, releases, most: () => most, running: () => running };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PerKeyLimit', () => {
  it('runs at most `limit` tasks of one key at once, the rest in turn', async () => {
    const limit = new PerKeyLimit(2);
    const one = gate();
    const done = Array.from({ length: 5 }, () => limit.run('a', one.task));
    await tick();
    expect(one.running()).toBe(2);
    while (one.releases.length > 0) {
      one.releases.shift()!();
      await tick();
    }
    await Promise.all(done);
    expect(one.most()).toBe(2);
    expect(limit.busyKeys).toBe(0);
  });

  it('does not make another key wait', async () => {
    const limit = new PerKeyLimit(1);
    const [a, b] = [gate(), gate()];
    const first = limit.run('a', a.task);
    void limit.run('a', a.task);
    const other = limit.run('b', b.task);
    await tick();
    expect([a.running(), b.running()]).toEqual([1, 1]);
    b.releases[0]();
    await other;
    a.releases.shift()!();
    await first;
    await tick();
    a.releases.shift()!();
  });

  it('frees the place of a task that throws', async () => {
    const limit = new PerKeyLimit(1);
    await expect(limit.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run('a', () => 'next')).resolves.toBe('next');
    expect(limit.busyKeys).toBe(0);
  });
});
