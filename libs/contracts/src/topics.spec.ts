import { ALL_TOPICS, dlqTopic, TOPICS } from './topics';

describe('topics', () => {
  it('lists the six topics of the design and the ops audit topic, each once', () => {
    expect([...ALL_TOPICS].sort()).toEqual([
      'catalog.inventory.v1',
      'catalog.product.v1',
      'identity.user.v1',
      'notifications.delivery.v1',
      'ops.audit.v1',
      'orders.order.v1',
      'payments.payment.v1',
    ]);
  });

  it('names the dead-letter topic after its topic', () => {
    expect(dlqTopic(TOPICS.ordersOrder)).toBe('orders.order.v1.dlq');
  });
});
