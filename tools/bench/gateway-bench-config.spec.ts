import { BenchConfigError } from './bench-config';
import { gatewayBenchConfig } from './gateway-bench-config';

describe('gatewayBenchConfig', () => {
  it('needs a PostgreSQL and says how to get one', () => {
    expect(() => gatewayBenchConfig({})).toThrow(BenchConfigError);
    expect(() => gatewayBenchConfig({})).toThrow(/TEST_DATABASE_URL/);
  });

  it('measures 1 and 32 connections at info with bounded budgets by default, and reads brokers and sizes from the environment', () => {
    expect(gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y' })).toEqual({
      databaseUrl: 'postgres://x/y',
      kafkaBrokers: undefined,
      concurrencies: [1, 32],
      maxRequests: 50_000,
      seconds: 10,
      warmupSeconds: 3,
      rounds: 4,
      logLevel: 'info',
      cpuProfileDir: undefined,
      bareProxy: true,
    });
    const config = gatewayBenchConfig({
      TEST_DATABASE_URL: 'postgres://t/y',
      TEST_KAFKA_BROKERS: 'a:1, b:2',
      BENCH_GATEWAY_CONCURRENCY: '8, 64',
      BENCH_GATEWAY_SECONDS: '0.5',
      BENCH_GATEWAY_ROUNDS: '1',
      BENCH_GATEWAY_LOG_LEVEL: 'warn',
      BENCH_GATEWAY_CPU_PROF: '/tmp/prof',
      BENCH_GATEWAY_BARE_PROXY: 'false',
    });
    expect(config).toMatchObject({ databaseUrl: 'postgres://t/y', kafkaBrokers: ['a:1', 'b:2'], concurrencies: [8, 64], seconds: 0.5, rounds: 1, logLevel: 'warn', cpuProfileDir: '/tmp/prof', bareProxy: false });
  });

  it('refuses a size that is not a positive number, and an unknown log level', () => {
    expect(() => gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y', BENCH_GATEWAY_REQUESTS: '-1' })).toThrow('BENCH_GATEWAY_REQUESTS must be a positive integer, got "-1"');
    expect(() => gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y', BENCH_GATEWAY_CONCURRENCY: '1,x' })).toThrow('BENCH_GATEWAY_CONCURRENCY must be a positive integer, got "x"');
    expect(() => gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y', BENCH_GATEWAY_LOG_LEVEL: 'loud' })).toThrow(/BENCH_GATEWAY_LOG_LEVEL/);
    expect(() => gatewayBenchConfig({ DATABASE_URL: 'postgres://x/y', BENCH_GATEWAY_BARE_PROXY: 'maybe' })).toThrow('BENCH_GATEWAY_BARE_PROXY must be true or false, got "maybe"');
  });
});
