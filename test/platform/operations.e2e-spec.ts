import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('operations endpoints', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system.close());

  it('reports liveness and readiness of PostgreSQL and Redis', async () => {
    const live = await fetch(`${system.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${system.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('exposes Prometheus metrics on the metrics port with request counts by operation and queue depths', async () => {
    await system.gql('query WhoAmI { me { id } }');
    const res = await fetch(system.metricsUrl);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/graphql_requests_total\{operation="WhoAmI",outcome="ok"\} 1/);
    expect(text).toMatch(/graphql_request_duration_seconds_bucket\{le="[0-9.]+",operation="WhoAmI"\}/);
    expect(text).toMatch(/queue_jobs\{queue="notifications",state="waiting"\} \d+/);
  });
});
