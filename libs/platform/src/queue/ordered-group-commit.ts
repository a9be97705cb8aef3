interface Place<T> {
  position: number;
  state: 'preparing' | 'ready' | 'left';
  item?: T;
  settle?: { resolve: () => void; reject: (error: unknown) => void };
}

/** One job's place in line: it either hands in what to commit or leaves the line. */
export interface PlaceInLine<T> {
  /** Resolves once `item` is committed, with every ready item ahead of it. */
  ready(item: T): Promise<void>;
  /** Lets the line move on without this place (nothing to commit, or preparation failed). */
  leave(): void;
}

/**
 * Lets concurrent jobs do their slow part in parallel and still commit in order: when the
 * first place in line is ready, it and every ready place right behind it are committed in
 * one call, so commits cost one round trip per group, not per job. One commit runs at a time;
 * a failed commit fails each job in its group (they retry, as any failed job does).
 *
 * Places are ordered by position (an event's outbox id), not by arrival: a queue worker
 * takes jobs from Redis in order, but several taken together may reach their handlers a few
 * microtasks apart in another order. A group is therefore formed a macrotask after its first
 * place became ready, when every job already taken from Redis has joined.
 */
export class OrderedGroupCommit<T> {
  private readonly line: Array<Place<T>> = [];
  private busy = false;

  constructor(private readonly commit: (items: T[]) => Promise<void>) {}

  /** Takes the place for `position`; call it before the job's first await. */
  join(position: number): PlaceInLine<T> {
    const place: Place<T> = { position, state: 'preparing' };
    const behind = this.line.findIndex((other) => other.position > position);
    this.line.splice(behind === -1 ? this.line.length : behind, 0, place);
    return {
      ready: (item) =>
        new Promise<void>((resolve, reject) => {
          Object.assign(place, { state: 'ready', item, settle: { resolve, reject } });
          this.next();
        }),
      leave: () => {
        place.state = 'left';
        this.next();
      },
    };
  }

  private next(): void {
    if (this.busy || this.line[0]?.state === 'preparing' || this.line.length === 0) return;
    this.busy = true;
    setImmediate(() => void this.commitGroup());
  }

  private async commitGroup(): Promise<void> {
    const group: Array<Place<T>> = [];
    while (this.line.length > 0 && this.line[0].state !== 'preparing') {
      const place = this.line.shift() as Place<T>;
      if (place.state === 'ready') group.push(place);
    }
    try {
      if (group.length > 0) {
        await this.commit(group.map((place) => place.item as T));
        for (const place of group) place.settle?.resolve();
      }
    } catch (error) {
      for (const place of group) place.settle?.reject(error);
    } finally {
      this.busy = false;
      this.next();
    }
  }
}
