import { signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { jwtVerify } from 'jose';

// The secret the code used to fall back on; it is in the repository's history for good.
const FORMER_DEFAULT = 'mentorbridge-development-secret-not-for-production';

const verifies = async (token: string, secret: string): Promise<boolean> =>
  jwtVerify(token, new TextEncoder().encode(secret)).then(
    () => true,
    () => false,
  );

describe('the access-token signing secret', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('without JWT_SECRET, is a random one kept in the database, not one from the code', async () => {
    const { token } = await signUpUser(system);
    // Other secrets (the webhook sealing key) may sit beside it: the signing secret is its own row.
    const rows = await system.db.query<Array<{ value: string }>>(
      `SELECT value FROM system_secrets WHERE name = 'access-token-hs256'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].value.length).toBeGreaterThanOrEqual(43);
    expect(await verifies(token, rows[0].value)).toBe(true);
    expect(await verifies(token, FORMER_DEFAULT)).toBe(false);
  });

  it('is the same for api processes that start in parallel on one database', async () => {
    await system.db.query(`DELETE FROM system_secrets`);
    const [a, b] = await Promise.all([startTestSystem(), startTestSystem()]);
    try {
      const user = await signUpUser(a);
      expect((await b.gql(`{ me { id } }`, {}, user.token)).data.me).toEqual({ id: user.userId });
      const back = await signUpUser(b);
      expect((await a.gql(`{ me { id } }`, {}, back.token)).data.me).toEqual({ id: back.userId });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('is JWT_SECRET when one is configured', async () => {
    const secret = 'a configured secret of at least thirty-two characters';
    const configured = await startTestSystem({ config: { JWT_SECRET: secret } });
    try {
      const { token } = await signUpUser(configured);
      expect(await verifies(token, secret)).toBe(true);
    } finally {
      await configured.close();
    }
  });
});
