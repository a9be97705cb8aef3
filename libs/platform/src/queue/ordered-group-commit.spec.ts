import { OrderedGroupCommit } from './ordered-group-commit.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function recorder(fail?: (items: number[]) => boolean) {
  const groups: number[][] = [];
  const line = new OrderedGroupCommit<number>(async (items) => {
    groups.push(items);
    await tick();
    if (fail?.(items)) throw new Error(`commit of ${items.join(',')} failed`);
  });
  return { groups, line };
}

describe('OrderedGroupCommit', () => {
  it('commits in position order, several ready places at once, however they become ready', async () => {
    const { groups, line } = recorder();
    const [one, two, three, four] = [1, 2, 3, 4].map((position) => line.join(position));
    const done = [three.ready(3), two.ready(2), four.ready(4)];
    await tick();
    expect(groups).toEqual([]);
    done.push(one.ready(1));
    await Promise.all(done);
    expect(groups).toEqual([[1, 2, 3, 4]]);
  });

  it('orders by position, not by the order places were taken', async () => {
    const { groups, line } = recorder();
    const late = line.join(8);
    const done = late.ready(8);
    const early = line.join(7);
    await Promise.all([done, early.ready(7)]);
    expect(groups).toEqual([[7, 8]]);
  });

  it('moves on past a place that leaves, and commits the next group once the first is done', async () => {
    const { groups, line } = recorder();
    const [one, two, three] = [1, 2, 3].map((position) => line.join(position));
    const first = one.ready(1);
    await first;
    const second = three.ready(3);
    await tick();
    expect(groups).toEqual([[1]]);
    two.leave();
    await second;
    expect(groups).toEqual([[1], [3]]);
  });

  it('fails every job of a failed group and keeps serving the line', async () => {
    const { groups, line } = recorder((items) => items.includes(2));
    const [one, two] = [1, 2].map((position) => line.join(position));
    const results = await Promise.allSettled([one.ready(1), two.ready(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await line.join(3).ready(3);
    expect(groups).toEqual([[1, 2], [3]]);
  });
});
