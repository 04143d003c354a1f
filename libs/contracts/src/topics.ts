/** Kafka topics, one per publishing context and aggregate family; the suffix is the topic's major version. */
export const TOPICS = {
  identityUser: 'identity.user.v1',
  catalogProduct: 'catalog.product.v1',
  catalogInventory: 'catalog.inventory.v1',
  ordersOrder: 'orders.order.v1',
  paymentsPayment: 'payments.payment.v1',
  notificationsDelivery: 'notifications.delivery.v1',
  /** Admins' ops actions, recorded by the ops server (tools/ops/server). */
  opsAudit: 'ops.audit.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS);

/** Where a consumer parks a message it could not handle after its retries. */
export function dlqTopic(topic: Topic | string): string {
  return `${topic}.dlq`;
}
