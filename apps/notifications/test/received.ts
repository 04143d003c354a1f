import { waitFor } from '@marketplace/testing';
import type { MailFiles } from './mail-files';
import type { NotificationsTestApp } from './notifications-app';

/** What a user finds: their in-app notifications (oldest first) and their mails, as the service wrote them. */
export function received(app: NotificationsTestApp, mail: MailFiles) {
  const inbox = async (userId: string) => {
    const answer = await app.call('GET', '/notifications?limit=100', { as: await app.caller(['buyer'], userId) });
    return (answer.body.items as Array<{ title: string; body: string; link: string }>).reverse();
  };
  return {
    inbox,
    titles: async (userId: string) => (await inbox(userId)).map((item) => item.title),
    mailTo: (email: string, subject: string) =>
      waitFor(async () => (await mail.to(email)).find((found) => found.subject === subject), { timeoutMs: 20_000, description: `the mail "${subject}" to ${email}` }),
  };
}
