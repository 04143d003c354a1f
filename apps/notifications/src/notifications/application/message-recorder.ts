import { ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { DirectoryEntry } from '../../directory/infrastructure/directory-repository';
import type { NotificationsConfig } from '../../notifications-config';
import { type Category, type Channel } from '../domain/channels';
import { allows, DEFAULT_PREFERENCES } from '../domain/preferences';
import { DeliveriesRepository, type NewDelivery } from '../infrastructure/deliveries-repository';
import { PreferencesRepository } from '../infrastructure/preferences-repository';
import type { Template, TemplateContext } from '../templates/template';
import type { InAppNotice } from './in-app-delivery';

/** A message to send: one template, rendered for each recipient in each channel their preferences allow. */
export interface Message<D> {
  /** With the recipient and the channel, what makes the message unique: the event id, a chat message id. */
  sourceId: string;
  template: Template<D>;
  category: Category;
  channels: readonly Channel[];
  recipients: ReadonlyArray<{ user: DirectoryEntry; data: D; email?: string }>;
}

/**
 * Records a message's deliveries before anything is sent: exactly one per (source, recipient, channel),
 * a repeat of the same source being a no-op. The in-app ones recorded are returned, for the caller to
 * deliver (`InAppDelivery`) in the same transaction, with the others it has; email and SMS wait for the
 * dispatcher.
 */
@Injectable()
export class MessageRecorder {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly preferences: PreferencesRepository,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async record<D>(trx: Knex.Transaction, message: Message<D>, at: Date): Promise<InAppNotice[]> {
    const inApp: InAppNotice[] = [];
    const preferences = await this.preferences.getMany(trx, message.recipients.map(({ user }) => user.id));
    for (const { user, data, email } of message.recipients) {
      if (!user.active) continue;
      const context: TemplateContext = { reader: { name: user.displayName, locale: user.locale }, webUrl: this.config.PUBLIC_WEB_URL };
      for (const channel of message.channels) {
        const address = channel === 'email' ? (email ?? user.email) : channel === 'sms' ? user.phone : user.id;
        if (!address || !allows(preferences.get(user.id) ?? DEFAULT_PREFERENCES, channel, message.category)) continue;
        const delivery = { id: this.ids.next(), sourceId: message.sourceId, recipientId: user.id, channel, template: message.template.name, category: message.category, address, ...render(message.template, data, channel, context) };
        const recorded = await this.deliveries.insert(trx, delivery, channel === 'in_app' ? 'sent' : 'pending', at);
        if (recorded && channel === 'in_app') {
          inApp.push({ deliveryId: delivery.id, userId: user.id, sourceId: message.sourceId, template: delivery.template, category: message.category, title: delivery.subject, body: delivery.bodyText, link: delivery.link });
        }
      }
    }
    return inApp;
  }
}

function render<D>(template: Template<D>, data: D, channel: Channel, context: TemplateContext): Pick<NewDelivery, 'subject' | 'bodyText' | 'bodyHtml'> & { link: string | null } {
  if (channel === 'email') {
    const email = template.email(data, context);
    return { subject: email.subject, bodyText: email.text, bodyHtml: email.html.value, link: null };
  }
  if (channel === 'sms') return { subject: template.name, bodyText: template.sms(data, context), bodyHtml: null, link: null };
  const inApp = template.inApp(data, context);
  return { subject: inApp.title, bodyText: inApp.body, bodyHtml: null, link: inApp.link ?? null };
}
