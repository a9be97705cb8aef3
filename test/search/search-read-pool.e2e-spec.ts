import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('the search read pool', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  const search = async () => {
    const res = await system.gql(`{ searchMentors(query: "leadership") { totalCount } }`);
    expect(res.errors).toBeUndefined();
    return res.data.searchMentors.totalCount as number;
  };

  it('survives its idle connections being killed, and keeps answering', async () => {
    await search();
    const pids = await system.db.query<Array<{ pid: number }>>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'mentorbridge-search' AND datname = current_database()`,
    );
    expect(pids.length).toBeGreaterThan(0);
    for (const { pid } of pids) await system.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    // Give the pool time to notice the dead sockets (an unheard 'error' would end the process).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await search()).toBe(0);
  });
});
