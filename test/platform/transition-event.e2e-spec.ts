import { randomUUID } from 'node:crypto';
import { recordTransitionEvent, UnitOfWork, type TransitionLog } from '@app/platform';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const probeLog: TransitionLog = { table: 'transition_event_probe', subjectColumn: 'probe_id' };

describe('recordTransitionEvent', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
    await system.db.query(
      `CREATE TABLE IF NOT EXISTS transition_event_probe (
         id bigserial PRIMARY KEY, probe_id uuid NOT NULL, actor_id uuid, from_status text, to_status text NOT NULL,
         reason text, at timestamptz NOT NULL DEFAULT now())`,
    );
  });
  afterAll(async () => {
    await system.db.query(`DROP TABLE IF EXISTS transition_event_probe`);
    await system.close();
  });

  const eventsOf = (subjectId: string) =>
    system.db.query<Array<{ type: string; payload: Record<string, string> }>>(
      `SELECT type, payload FROM outbox_events WHERE payload->>'sessionId' = $1`,
      [subjectId],
    );

  it('writes the transition and an event naming it, committed together', async () => {
    const subjectId = randomUUID();
    const actorId = randomUUID();
    const transitionId = await system.api
      .get(UnitOfWork)
      .run((tx) =>
        recordTransitionEvent(
          tx,
          probeLog,
          { subjectId, actorId, from: 'SCHEDULED', to: 'CANCELLED', reason: 'ill' },
          'session.cancelled',
          { sessionId: subjectId },
        ),
      );

    const rows = await system.db.query(
      `SELECT id::text AS id, actor_id AS "actorId", from_status AS "from", to_status AS "to", reason
         FROM transition_event_probe WHERE probe_id = $1`,
      [subjectId],
    );
    expect(rows).toEqual([{ id: transitionId, actorId, from: 'SCHEDULED', to: 'CANCELLED', reason: 'ill' }]);
    expect(await eventsOf(subjectId)).toEqual([
      { type: 'session.cancelled', payload: { sessionId: subjectId, transitionId } },
    ]);
  });

  it('leaves neither row behind when the transaction rolls back', async () => {
    const subjectId = randomUUID();
    await expect(
      system.api.get(UnitOfWork).run(async (tx) => {
        await recordTransitionEvent(
          tx,
          probeLog,
          { subjectId, actorId: null, from: null, to: 'SCHEDULED' },
          'session.booked',
          { sessionId: subjectId },
        );
        throw new Error('the state change failed after its transition');
      }),
    ).rejects.toThrow('the state change failed');

    expect(await system.db.query(`SELECT 1 FROM transition_event_probe WHERE probe_id = $1`, [subjectId])).toEqual([]);
    expect(await eventsOf(subjectId)).toEqual([]);
  });
});
