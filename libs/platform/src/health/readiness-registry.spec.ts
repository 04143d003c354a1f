import { ReadinessRegistry } from './readiness-registry';

describe('ReadinessRegistry', () => {
  it('is ready when every check passes', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    registry.register('bus', async () => undefined);
    await expect(registry.run(100)).resolves.toEqual({ ready: true, checks: { database: 'ok', bus: 'ok' } });
  });

  it('shows what a passing check describes instead of ok', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    registry.register('vectors', async () => 'pgvector HNSW (cosine), 384 dimensions');
    await expect(registry.run(100)).resolves.toEqual({ ready: true, checks: { database: 'ok', vectors: 'pgvector HNSW (cosine), 384 dimensions' } });
  });

  it('names the failing checks with their reasons', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    registry.register('bus', async () => {
      throw new Error('connection refused');
    });
    await expect(registry.run(100)).resolves.toEqual({ ready: false, checks: { database: 'ok', bus: 'connection refused' }, failing: ['bus'] });
  });

  it('fails a check that does not answer in time', async () => {
    const registry = new ReadinessRegistry();
    registry.register('slow', () => new Promise(() => undefined));
    const report = await registry.run(20);
    expect(report).toMatchObject({ ready: false, failing: ['slow'] });
    expect(report.checks.slow).toBe('slow did not answer within 20 ms');
  });

  it('refuses two checks with one name', () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    expect(() => registry.register('database', async () => undefined)).toThrow(/already registered/);
  });
});
