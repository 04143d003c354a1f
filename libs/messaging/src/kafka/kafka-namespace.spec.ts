import { BusConfigurationError } from '../bus-support';
import { KafkaNamespace } from './kafka-namespace';

describe('KafkaNamespace', () => {
  it('prefixes topics and groups on the broker and gives back the logical topic', () => {
    const namespace = new KafkaNamespace('e2e-1a2b.');
    expect(namespace.topic('orders.order.v1')).toBe('e2e-1a2b.orders.order.v1');
    expect(namespace.topic('orders.order.v1.dlq')).toBe('e2e-1a2b.orders.order.v1.dlq');
    expect(namespace.group('orders')).toBe('e2e-1a2b.orders');
    expect(namespace.logicalName('e2e-1a2b.orders.order.v1')).toBe('orders.order.v1');
  });

  it('changes nothing without a prefix', () => {
    const namespace = new KafkaNamespace();
    expect(namespace.topic('orders.order.v1')).toBe('orders.order.v1');
    expect(namespace.group('orders')).toBe('orders');
    expect(namespace.logicalName('orders.order.v1')).toBe('orders.order.v1');
  });

  it('refuses a prefix Kafka could not name a topic with', () => {
    expect(() => new KafkaNamespace('has space')).toThrow(BusConfigurationError);
    expect(() => new KafkaNamespace('x'.repeat(101))).toThrow(BusConfigurationError);
  });
});
