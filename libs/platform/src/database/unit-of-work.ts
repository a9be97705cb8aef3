import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventPayloads, EventType } from '../queue/events.js';
import { isTransientConflict } from './pg-errors.js';

/** A deadlock victim is retried; a third loss in a row is reported as the error it is. */
const MAX_ATTEMPTS = 3;

export interface Transaction {
  manager: EntityManager;
  /** Records an event in the outbox, committed or rolled back with the state change. */
  emit<T extends EventType>(type: T, payload: EventPayloads[T]): Promise<string>;
}

/**
 * The easy path for writes: state and outbox events commit in one transaction,
 * so an event exists exactly when the change it describes does. When PostgreSQL aborts
 * the transaction for a deadlock or a serialization failure, nothing of it was kept, so
 * the work runs again (after a short random pause, so the two sides do not collide
 * again): a client sees the answer, not an internal error. `work` must therefore act only
 * through `tx`.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  async run<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction((manager) => work(transactionOf(manager)));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isTransientConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }
}

/**
 * The statement that records an event in the outbox, for writers that fold it into a larger
 * statement of their transaction (one round trip instead of two): `type` and `payload` are SQL
 * expressions, `from` an optional FROM clause they read. The row's trigger NOTIFYs the relay on
 * commit, as for `tx.emit`.
 */
export function outboxInsertSql(type: string, payload: string, from = ''): string {
  return `INSERT INTO outbox_events (type, payload) SELECT ${type}, ${payload}${from ? ` FROM ${from}` : ''}`;
}

export function transactionOf(manager: EntityManager): Transaction {
  return {
    manager,
    async emit(type, payload) {
      const rows = await manager.query<Array<{ id: string }>>(
        `${outboxInsertSql('$1', '$2::jsonb')} RETURNING id::text AS id`,
        [type, JSON.stringify(payload)],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error('outbox insert returned no id');
      return id;
    },
  };
}
