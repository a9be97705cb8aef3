import { startTestSystem, type TestSystem } from '@app/testing';

describe('smoke', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true });
  });
  afterAll(() => system.close());

  it('answers me', async () => {
    const res = await system.gql('{ me { id } }');
    expect(res.data).toEqual({ me: null });
  });
});
