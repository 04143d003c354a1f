import { messageTemplate } from './message-template';

/** A message for a participant who was not connected when it arrived. */
export const conversationMessageTemplate = messageTemplate<{ conversationId: string; messageId: string; senderName: string; preview: string; subject: string }>(
  'conversation-message',
  ({ conversationId, senderName, preview, subject }, { webUrl }) => ({
    title: `New message from ${senderName}`,
    paragraphs: [preview, `About: ${subject}`],
    link: { label: 'Reply', url: `${webUrl}/conversations/${conversationId}` },
  }),
);
