import { BenchConfigError } from './bench-config';
import { gatewayBenchConfig } from './gateway-bench-config';

describe('gatewayBenchConfig', () => {
  it('needs a PostgreSQL and says how to get one', () => {
    expect(() => gatewayBenchConfig({})).toThrow(BenchConfigError);
    expect(() => gatewayBenchConfig({})).toThrow(/TEST_DATABASE_URL/);
  });

  it('has 32 connections and bounded budgets by default, and reads brokers and sizes from the environment', () => {
    expect(gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y' })).toEqual({
      databaseUrl: 'postgres://x/y',
      kafkaBrokers: undefined,
      concurrency: 32,
      maxRequests: 50_000,
      seconds: 10,
      warmupSeconds: 3,
    });
    const config = gatewayBenchConfig({ TEST_DATABASE_URL: 'postgres://t/y', TEST_KAFKA_BROKERS: 'a:1, b:2', BENCH_GATEWAY_CONCURRENCY: '8', BENCH_GATEWAY_SECONDS: '0.5' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://t/y', kafkaBrokers: ['a:1', 'b:2'], concurrency: 8, seconds: 0.5 });
  });

  it('refuses a size that is not a positive number', () => {
    expect(() => gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y', BENCH_GATEWAY_REQUESTS: '-1' })).toThrow('BENCH_GATEWAY_REQUESTS must be a positive integer, got "-1"');
  });
});
