import { BusConfigurationError, InvalidTopicError } from './bus-support';
import { createMessageBus } from './create-message-bus';

describe('createMessageBus', () => {
  it('builds the Kafka bus when brokers are given, else the embedded bus', async () => {
    const kafka = createMessageBus({ clientId: 'svc', kafkaBrokers: ['127.0.0.1:1'], databaseUrl: 'postgres://127.0.0.1:1/db' });
    const embedded = createMessageBus({ clientId: 'svc', kafkaBrokers: [' '], databaseUrl: 'postgres://127.0.0.1:1/db' });
    expect(kafka.kind).toBe('kafka');
    expect(embedded.kind).toBe('embedded');
    await Promise.all([kafka.close(), embedded.close()]);
  });

  it('refuses options it cannot run with, with a typed error', () => {
    expect(() => createMessageBus({ clientId: 'svc' })).toThrow(BusConfigurationError);
    expect(() => createMessageBus({ clientId: '', databaseUrl: 'postgres://x/db' })).toThrow(BusConfigurationError);
    expect(() => createMessageBus({ clientId: 'svc', databaseUrl: 'postgres://x/db', schema: 'bus; DROP TABLE x' })).toThrow(BusConfigurationError);
  });

  it('rejects bad topics and partition counts before touching the backend', async () => {
    const bus = createMessageBus({ clientId: 'svc', databaseUrl: 'postgres://127.0.0.1:1/db' });
    await expect(bus.ensureTopics(['no spaces'])).rejects.toThrow(InvalidTopicError);
    await expect(bus.ensureTopics(['ok'], 0)).rejects.toThrow(BusConfigurationError);
    await expect(bus.consumer({ groupId: '', topics: ['ok'], onMessage: async () => undefined })).rejects.toThrow(BusConfigurationError);
    await bus.close();
  });
});
