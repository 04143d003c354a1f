import { buildServiceEnv, serviceUrlVariable } from './service-env';

describe('buildServiceEnv', () => {
  const parent = { PATH: '/bin', HOME: '/root', DATABASE_URL: 'postgres://leak/db', REDIS_URL: 'redis://leak', KAFKA_BROKERS: 'leak:9092' };

  it('sets the service name, port, host, quiet logs and the database, and inherits only what Node needs', () => {
    const env = buildServiceEnv({ name: 'identity', port: 4001, databaseUrl: 'postgres://u:p@127.0.0.1:5432/t', parent });
    expect(env).toEqual({
      PATH: '/bin',
      HOME: '/root',
      SERVICE_NAME: 'identity',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '4001',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/t',
    });
  });

  it('passes Kafka brokers when there are some, and nothing when the list is empty', () => {
    expect(buildServiceEnv({ name: 'identity', port: 1, kafkaBrokers: ['a:9092', 'b:9093'], parent }).KAFKA_BROKERS).toBe('a:9092,b:9093');
    expect(buildServiceEnv({ name: 'identity', port: 1, kafkaBrokers: [], parent })).not.toHaveProperty('KAFKA_BROKERS');
  });

  it('names each other service by its URL variable, and lets extra variables override or remove defaults', () => {
    const env = buildServiceEnv({
      name: 'gateway',
      port: 4000,
      serviceUrls: { identity: 'http://127.0.0.1:4001', catalog: 'http://127.0.0.1:4002' },
      extra: { ADMIN_EMAIL: 'admin@example.test', LOG_LEVEL: 'debug', HOME: undefined },
      parent,
    });
    expect(env).toMatchObject({ IDENTITY_URL: 'http://127.0.0.1:4001', CATALOG_URL: 'http://127.0.0.1:4002', ADMIN_EMAIL: 'admin@example.test', LOG_LEVEL: 'debug' });
    expect(env).not.toHaveProperty('HOME');
    expect(env).not.toHaveProperty('DATABASE_URL');
  });
});

describe('serviceUrlVariable', () => {
  it('upper-cases the name and turns separators into underscores', () => {
    expect(serviceUrlVariable('identity')).toBe('IDENTITY_URL');
    expect(serviceUrlVariable('seller-orders')).toBe('SELLER_ORDERS_URL');
  });
});
