import { DomainError } from '../errors/index.js';

/**
 * A lifecycle as data: the allowed (from, to) moves. Anything not listed is
 * refused with CONFLICT, so an answered request cannot be answered again.
 */
export class StateMachine<S extends string> {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    readonly name: string,
    transitions: ReadonlyArray<readonly [from: S, to: S]>,
  ) {
    this.allowed = new Set(transitions.map(([from, to]) => `${from}>${to}`));
  }

  canMove(from: S, to: S): boolean {
    return this.allowed.has(`${from}>${to}`);
  }

  assertCanMove(from: S, to: S): void {
    if (!this.canMove(from, to)) {
      throw DomainError.conflict(`This ${this.name} is ${from} and cannot become ${to}`, { from, to });
    }
  }
}
