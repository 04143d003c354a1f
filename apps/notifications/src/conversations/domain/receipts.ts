export type MessageStatus = 'sent' | 'delivered' | 'read';

/** Where a message stands for its sender; a read message counts as delivered too. */
export function messageStatus(message: { deliveredAt: Date | null; readAt: Date | null }): MessageStatus {
  if (message.readAt) return 'read';
  return message.deliveredAt ? 'delivered' : 'sent';
}
