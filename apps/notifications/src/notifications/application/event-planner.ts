import type { MarketplaceEvent } from '@marketplace/contracts';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { NotificationsConfig } from '../../notifications-config';
import type { Knex } from 'knex';
import { DirectoryRepository, type DirectoryEntry } from '../../directory/infrastructure/directory-repository';
import { type Audience, type HandlerContext, handlersFor, type NotificationHandler } from '../handlers';
import { ParkedEvents } from '../infrastructure/parked-events';
import { HandlerFacts } from './handler-facts';
import type { InAppNotice } from './in-app-delivery';
import { LinkOpener } from './link-opener';
import { MessageRecorder } from './message-recorder';

type Planned = { handler: NotificationHandler; audience: Array<Audience<unknown>> };

/**
 * Turns an event into messages with its handlers. When a projection does not know yet what the
 * messages need, the event is parked: under its order or dispute when that is unknown (nothing is
 * sent yet), under each recipient missing from the directory (the others get theirs now); a later
 * event of the same subject waits behind one parked for its order or dispute, so a subject's messages
 * keep its order. It is planned again when that is known; deliveries already recorded are not
 * repeated. An event older than NOTIFY_MAX_EVENT_AGE_MS sends nothing.
 */
@Injectable()
export class EventPlanner {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly facts: HandlerFacts,
    private readonly parked: ParkedEvents,
    private readonly links: LinkOpener,
    private readonly recorder: MessageRecorder,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Returns the in-app notices recorded, for the caller to deliver in the same transaction. */
  async plan(trx: Knex.Transaction, event: MarketplaceEvent, at: Date): Promise<InAppNotice[]> {
    const handlers = handlersFor(event.type);
    if (handlers.length === 0 || at.getTime() - Date.parse(event.time) > this.config.NOTIFY_MAX_EVENT_AGE_MS) return [];
    const facts = await this.readiness(trx, handlers, event);
    if (facts.waitingFor !== undefined) {
      const { waitingFor } = facts;
      const learnt = async () => (await this.readiness(trx, handlers, event)).waitingFor !== waitingFor;
      return (await this.parked.parkUnlessLearnt(trx, waitingFor, event, at, learnt)) ? [] : this.plan(trx, event, at);
    }
    const { order, dispute } = facts.known;
    const context: HandlerContext = {
      order: () => order ?? unnamed(event.type, 'order'),
      dispute: () => dispute ?? unnamed(event.type, 'dispute'),
      openLink: (sealed, keyId) => this.links.open(sealed, keyId),
    };
    const planned: Planned[] = handlers
      .filter((handler) => handler.filter?.(event.data, context) ?? true)
      .map((handler) => ({ handler, audience: handler.audience(event.data, context) }));
    const recipients = await this.recipients(trx, planned);
    let learnt = false;
    for (const userId of recipients.missing) {
      const known = async () => (await this.directory.find(trx, [userId])).has(userId);
      if (!(await this.parked.parkUnlessLearnt(trx, `user:${userId}`, event, at, known))) learnt = true;
    }
    // A recipient learnt by a transaction that committed meanwhile: plan again, now with them.
    if (learnt) return this.plan(trx, event, at);
    const inApp: InAppNotice[] = [];
    for (const { handler, audience } of planned) {
      const resolved = audience.flatMap((target) => {
        if (target.to === 'admins') return recipients.admins.map((user) => ({ user, data: target.data }));
        const user = recipients.users.get(target.userId);
        return user ? [{ user, data: target.data, email: target.email }] : [];
      });
      inApp.push(...(await this.recorder.record(trx, { sourceId: event.id, template: handler.template, category: handler.category, channels: handler.channels, recipients: resolved }, at)));
    }
    return inApp;
  }

  /** What the event waits for: an earlier event of its subject parked for its facts, else its own facts; or the facts, known. */
  private async readiness(trx: Knex.Transaction, handlers: readonly NotificationHandler[], event: MarketplaceEvent) {
    const ahead = await this.parked.waitingAhead(trx, event);
    return ahead !== undefined ? { waitingFor: ahead } : this.facts.load(trx, handlers, event);
  }

  private async recipients(trx: Knex.Transaction, planned: Planned[]): Promise<{ users: Map<string, DirectoryEntry>; admins: DirectoryEntry[]; missing: string[] }> {
    const targets = planned.flatMap(({ audience }) => audience);
    const userIds = targets.flatMap((target) => (target.to === 'user' ? [target.userId] : []));
    const users = await this.directory.find(trx, userIds);
    const admins = targets.some((target) => target.to === 'admins') ? await this.directory.admins(trx) : [];
    // Sorted, so that two transactions parking under the same users take their locks in one order.
    return { users, admins, missing: [...new Set(userIds.filter((id) => !users.has(id)))].sort() };
  }
}

function unnamed(type: string, fact: 'order' | 'dispute'): never {
  throw new Error(`a handler of ${type} reads its ${fact} without naming it`);
}
