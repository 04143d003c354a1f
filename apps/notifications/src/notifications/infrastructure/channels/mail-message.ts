import type { Delivery } from '../../domain/delivery';

/**
 * The mail for a delivery. Its Message-ID is derived from the delivery id, so if a send is repeated
 * because the process died between the server's acceptance and our record of it, receivers that
 * deduplicate by Message-ID show it once.
 */
export function mailMessage(delivery: Delivery, from: string) {
  return {
    from,
    to: delivery.address,
    subject: delivery.subject,
    text: delivery.bodyText,
    html: delivery.bodyHtml ?? undefined,
    messageId: `<${delivery.id}@notifications.marketplace>`,
    headers: { 'X-Marketplace-Template': delivery.template },
  };
}
