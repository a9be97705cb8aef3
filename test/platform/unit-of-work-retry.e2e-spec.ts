import { UnitOfWork } from '@app/platform';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('UnitOfWork', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
    await system.db.query(`CREATE TABLE IF NOT EXISTS uow_lock_probe (id int PRIMARY KEY, hits int NOT NULL)`);
  });
  afterAll(async () => {
    await system.db.query(`DROP TABLE IF EXISTS uow_lock_probe`);
    await system.close();
  });

  it('runs the deadlock victim again, so both writers succeed and each change lands once', async () => {
    await system.db.query(`TRUNCATE uow_lock_probe`);
    await system.db.query(`INSERT INTO uow_lock_probe VALUES (1, 0), (2, 0)`);
    const uow = system.api.get(UnitOfWork);
    // Each writer locks its own row, waits until the other holds its row, then asks for it:
    // PostgreSQL must abort one of them (deadlock_detected).
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothHoldTheirRow = new Promise<void>((resolve) => (release = resolve));
    const writer = (own: number, other: number) => {
      let attempts = 0;
      return uow.run(async (tx) => {
        attempts += 1;
        await tx.manager.query(`SELECT 1 FROM uow_lock_probe WHERE id = $1 FOR UPDATE`, [own]);
        if (attempts === 1) {
          arrived += 1;
          if (arrived === 2) release();
          await bothHoldTheirRow;
        }
        await tx.manager.query(`SELECT 1 FROM uow_lock_probe WHERE id = $1 FOR UPDATE`, [other]);
        await tx.manager.query(`UPDATE uow_lock_probe SET hits = hits + 1 WHERE id = $1`, [own]);
        return attempts;
      });
    };

    const attempts = await Promise.all([writer(1, 2), writer(2, 1)]);

    expect([...attempts].sort()).toEqual([1, 2]);
    const rows = await system.db.query<Array<{ id: number; hits: number }>>(
      `SELECT id, hits FROM uow_lock_probe ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 1, hits: 1 },
      { id: 2, hits: 1 },
    ]);
  });

  it('does not retry an error that running again cannot fix', async () => {
    const uow = system.api.get(UnitOfWork);
    let attempts = 0;
    await expect(
      uow.run(async (tx) => {
        attempts += 1;
        await tx.manager.query(`INSERT INTO uow_lock_probe VALUES (9, 0), (9, 0)`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(attempts).toBe(1);
  });
});
