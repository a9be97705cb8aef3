/**
 * At most `limit` tasks per key run at once; the others wait their turn in order. Keys
 * with nothing running or waiting are forgotten, so the map holds only busy keys.
 */
export class PerKeyLimit {
  private readonly busy = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(private readonly limit: number) {}

  /** How many keys have a task running or waiting. */
  get busyKeys(): number {
    return this.busy.size;
  }

  async run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
    const slot = this.busy.get(key) ?? { running: 0, waiting: [] };
    this.busy.set(key, slot);
    if (slot.running >= this.limit) {
      // The finishing task hands its place over, so `running` never drops in between.
      await new Promise<void>((resolve) => slot.waiting.push(resolve));
    } else {
      slot.running++;
    }
    try {
      return await task();
    } finally {
      const next = slot.waiting.shift();
      if (next) next();
      else if (--slot.running === 0) this.busy.delete(key);
    }
  }
}
