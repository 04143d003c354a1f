import { uniqueName, uniqueTopic } from './unique-name';

describe('uniqueName', () => {
  it('keeps a cleaned prefix and differs on every call', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('Orders Relay')));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^orders-relay-[a-z0-9]+-[0-9a-f]{8}$/);
  });

  it('gives a valid unquoted PostgreSQL identifier with the underscore separator', () => {
    expect(uniqueName('9 bus.schema', '_')).toMatch(/^t_9_bus_schema_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(uniqueName('!!!', '_')).toMatch(/^t_[a-z0-9]+_[0-9a-f]{8}$/);
  });
});

describe('uniqueTopic', () => {
  it('is a legal Kafka topic name', () => {
    expect(uniqueTopic('orders.order.v1')).toMatch(/^orders-order-v1-[a-z0-9-]+$/);
    expect(uniqueTopic().length).toBeLessThan(249);
  });
});
