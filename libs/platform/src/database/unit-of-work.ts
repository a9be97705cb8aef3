import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventPayloads, EventType } from '../queue/events.js';

export interface Transaction {
  manager: EntityManager;
  /** Records an event in the outbox, committed or rolled back with the state change. */
  emit<T extends EventType>(type: T, payload: EventPayloads[T]): Promise<string>;
}

/**
 * The easy path for writes: state and outbox events commit in one transaction,
 * so an event exists exactly when the change it describes does.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }
}

export function transactionOf(manager: EntityManager): Transaction {
  return {
    manager,
    async emit(type, payload) {
      const rows = await manager.query<Array<{ id: string }>>(
        `INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id::text AS id`,
        [type, JSON.stringify(payload)],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error('outbox insert returned no id');
      return id;
    },
  };
}
