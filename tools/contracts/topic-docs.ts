import { type Topic, TOPICS } from '@marketplace/contracts';

const descriptions: Record<Topic, string> = {
  [TOPICS.identityUser]: 'Users, email verification, password resets, roles and seller applications; keyed by user id.',
  [TOPICS.catalogProduct]: 'Categories (keyed by category id), products, their prices and reviews (keyed by product id).',
  [TOPICS.catalogInventory]: 'Stock levels (keyed by product id) and order reservations (keyed by order id).',
  [TOPICS.ordersOrder]: 'The life of an order from placement to delivery or refund; keyed by order id.',
  [TOPICS.paymentsPayment]: 'Payments and refunds with the provider; keyed by payment id.',
  [TOPICS.notificationsDelivery]: 'Outcomes of notification deliveries; keyed by notification id.',
  [TOPICS.opsAudit]: "Admins' ops actions (projection rebuilds, dead-letter replays) recorded by the ops server; keyed by action id.",
};

export function topicDescription(topic: Topic): string {
  return descriptions[topic];
}

/** Each topic belongs to the service of the same name (its first segment). */
export function publisherOf(topic: Topic): string {
  return topic.split('.')[0];
}
