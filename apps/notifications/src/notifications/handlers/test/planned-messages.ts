import type { EventDataInput, EventType } from '@marketplace/contracts';
import { type DisputeFacts, handlersFor, type HandlerContext, type OrderFacts } from '..';
import type { Reader } from '../../templates/template';

export const WEB_URL = 'https://shop.example';

/** One planned message, rendered in each channel for a reader. */
export interface PlannedMessage {
  template: string;
  channels: readonly string[];
  /** A user id, or `admins`. */
  to: string;
  render(reader?: Reader): { subject: string; text: string; html: string; sms: string; inApp: { title: string; body: string; link?: string } };
}

/**
 * What an event's handlers plan, without a database: each handler's filter and audience over the
 * given order and dispute facts, every message rendered as the recorder would (handler unit tests).
 */
export function plannedMessages<T extends EventType>(type: T, data: EventDataInput<T>, facts: { order?: OrderFacts; dispute?: DisputeFacts } = {}): PlannedMessage[] {
  const context: HandlerContext = {
    order: () => facts.order ?? missing('order'),
    dispute: () => facts.dispute ?? missing('dispute'),
    openLink: () => missing('delivery key'),
  };
  return handlersFor(type)
    .filter((handler) => handler.filter?.(data as never, context) ?? true)
    .flatMap((handler) =>
      handler.audience(data as never, context).map((target) => ({
        template: handler.template.name,
        channels: handler.channels,
        to: target.to === 'admins' ? 'admins' : target.userId,
        render(reader: Reader = { name: 'Ann', locale: 'en' }) {
          const templateContext = { reader, webUrl: WEB_URL };
          const email = handler.template.email(target.data, templateContext);
          const sms = handler.template.sms(target.data, templateContext);
          const inApp = handler.template.inApp(target.data, templateContext);
          return { subject: plain(email.subject), text: plain(email.text), html: plain(email.html.value), sms: plain(sms), inApp: { ...inApp, title: plain(inApp.title), body: plain(inApp.body) } };
        },
      })),
    );
}

/** Intl writes a no-break space between amount and currency in some locales; tests spell it as a space. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

function missing(what: string): never {
  throw new Error(`the handler read its ${what}, which the test did not give`);
}
