/**
 * Who mentors whom: a maximum-weight assignment of mentees to mentors with capacities,
 * solved exactly by successive shortest augmenting paths with potentials (the Hungarian
 * method, with each mentor a column of several places and each mentee free to stay
 * unmatched at no cost). Pure; the service feeds it scores and persists its answer.
 */

/** A pair that may not be made (no shared language). */
export const FORBIDDEN = -1;

export interface AssignmentProblem {
  menteeCount: number;
  /** Free places per mentor. */
  capacities: readonly number[];
  /** Whole-point scores, mentee-major: scores[mentee * mentorCount + mentor], FORBIDDEN where not allowed. */
  scores: Int32Array;
}

export interface Assignment {
  /** The mentor of each mentee, or -1 when left unmatched. */
  mentorOf: Int32Array;
  totalScore: number;
}

const UNMATCHED = -1;

/** Min-heap of node ids keyed by distance, with decrease-key; every node is in it at most once. */
class NodeHeap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get empty(): boolean {
    return this.size === 0;
  }

  /** Inserts the node or moves it up after its key dropped. */
  upsert(node: number): void {
    let at = this.position[node];
    if (at < 0) {
      at = this.size++;
      this.heap[at] = node;
      this.position[node] = at;
    }
    this.siftUp(at);
  }

  pop(): number {
    const top = this.heap[0];
    this.position[top] = -1;
    this.size -= 1;
    if (this.size > 0) {
      const last = this.heap[this.size];
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.heap[i]] = -1;
    this.size = 0;
  }

  private siftUp(at: number): void {
    const node = this.heap[at];
    const key = this.key[node];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = this.heap[parent];
      if (this.key[above] <= key) break;
      this.heap[at] = above;
      this.position[above] = at;
      at = parent;
    }
    this.heap[at] = node;
    this.position[node] = at;
  }

  private siftDown(at: number): void {
    const node = this.heap[at];
    const key = this.key[node];
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.key[this.heap[child + 1]] < this.key[this.heap[child]]) child += 1;
      const below = this.heap[child];
      if (this.key[below] >= key) break;
      this.heap[at] = below;
      this.position[below] = at;
      at = child;
    }
    this.heap[at] = node;
    this.position[node] = at;
  }
}

/**
 * The assignment with the greatest total score in which no mentor exceeds their places
 * and no forbidden pair is made; among equal totals, one that matches the most mentees.
 *
 * Nodes: mentees 0..R-1, mentors R..R+M-1, the sink R+M. A mentee reaches the sink by
 * staying unmatched (cost 0) or through a mentor with a free place; every mentee is
 * added in turn and sent along the cheapest path in the residual graph, which may move
 * earlier mentees to other mentors. Costs are negated weights, made non-negative by
 * node potentials so each path is one Dijkstra, stopped as soon as the sink is settled.
 */
export function optimalAssignment(problem: AssignmentProblem): Assignment {
  const { menteeCount: R, capacities, scores } = problem;
  const M = capacities.length;
  if (scores.length !== R * M) throw new Error(`scores has ${scores.length} cells, expected ${R * M}`);
  const sink = R + M;
  const nodes = R + M + 1;
  // Ties go to more matches: one point outweighs any number of extra matches (at most R).
  const scale = R + 1;
  const weight = (mentee: number, mentor: number): number => scores[mentee * M + mentor] * scale + 1;

  const mentorOf = new Int32Array(R).fill(UNMATCHED);
  const load = new Int32Array(M);
  const menteesOf: number[][] = Array.from({ length: M }, () => []);
  const potential = new Float64Array(nodes);
  const distance = new Float64Array(nodes);
  const previous = new Int32Array(nodes);
  const settled = new Uint8Array(nodes);
  const touched: number[] = [];
  const heap = new NodeHeap(nodes, distance);
  distance.fill(Infinity);

  const relax = (from: number, to: number, reducedCost: number): void => {
    if (settled[to]) return;
    const candidate = distance[from] + reducedCost;
    if (candidate < distance[to]) {
      if (distance[to] === Infinity) touched.push(to);
      distance[to] = candidate;
      previous[to] = from;
      heap.upsert(to);
    }
  };

  for (let start = 0; start < R; start++) {
    // A new mentee's potential makes every edge out of it non-negative.
    let startPotential = potential[sink];
    for (let mentor = 0; mentor < M; mentor++) {
      if (scores[start * M + mentor] === FORBIDDEN) continue;
      startPotential = Math.max(startPotential, potential[R + mentor] + weight(start, mentor));
    }
    potential[start] = startPotential;

    distance[start] = 0;
    previous[start] = -1;
    touched.push(start);
    heap.upsert(start);
    while (!heap.empty) {
      const node = heap.pop();
      settled[node] = 1;
      if (node === sink) break;
      const nodePotential = potential[node];
      if (node < R) {
        const current = mentorOf[node];
        // Leaving a mentor for "unmatched" is an edge to the sink; an unmatched earlier mentee has none.
        if (current !== UNMATCHED || node === start) relax(node, sink, nodePotential - potential[sink]);
        const row = node * M;
        for (let mentor = 0; mentor < M; mentor++) {
          if (mentor === current || scores[row + mentor] === FORBIDDEN) continue;
          relax(node, R + mentor, -weight(node, mentor) + nodePotential - potential[R + mentor]);
        }
      } else {
        const mentor = node - R;
        if (load[mentor] < capacities[mentor]) relax(node, sink, nodePotential - potential[sink]);
        for (const mentee of menteesOf[mentor])
          relax(node, mentee, weight(mentee, mentor) + nodePotential - potential[mentee]);
      }
    }
    heap.clear();

    // Settled nodes move by their distance, all others by the sink's (they were at least that far).
    const reach = distance[sink];
    for (let node = 0; node < nodes; node++) potential[node] += Math.min(distance[node], reach);
    augment(sink, previous, R, mentorOf, load, menteesOf);
    for (const node of touched) {
      distance[node] = Infinity;
      settled[node] = 0;
    }
    touched.length = 0;
  }

  let totalScore = 0;
  for (let mentee = 0; mentee < R; mentee++) {
    const mentor = mentorOf[mentee];
    if (mentor !== UNMATCHED) totalScore += scores[mentee * M + mentor];
  }
  return { mentorOf, totalScore };
}

/** Applies the path ending at the sink: each mentee on it moves to the next mentor or to unmatched. */
function augment(
  sink: number,
  previous: Int32Array,
  R: number,
  mentorOf: Int32Array,
  load: Int32Array,
  menteesOf: number[][],
): void {
  let node = sink;
  let from = previous[node];
  if (from >= R) load[from - R] += 1;
  else {
    removeMentee(menteesOf, mentorOf, from);
    mentorOf[from] = UNMATCHED;
  }
  node = from;
  while (previous[node] >= 0) {
    from = previous[node]!;
    if (node >= R) {
      // mentee `from` joins mentor `node`, leaving its old mentor (the step before) if any
      removeMentee(menteesOf, mentorOf, from);
      mentorOf[from] = node - R;
      menteesOf[node - R].push(from);
    }
    node = from;
  }
}

function removeMentee(menteesOf: number[][], mentorOf: Int32Array, mentee: number): void {
  const mentor = mentorOf[mentee];
  if (mentor === UNMATCHED) return;
  const list = menteesOf[mentor];
  list.splice(list.indexOf(mentee), 1);
}
