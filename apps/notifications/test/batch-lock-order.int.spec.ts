import { createCloudEvent, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import type { EventBatch, EventContext } from '@marketplace/messaging';
import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { ConsumedEventsController } from '../src/notifications/api/consumed-events.controller';
import { EventIntake } from '../src/notifications/application/event-intake';
import { LiveFeed } from '../src/live/live-feed';
import type { LiveEvent } from '../src/live/live-event';
import { registerUser } from './fixtures';
import { NotificationsTestApp } from './notifications-app';

const approved = (userId: string) =>
  createCloudEvent({
    id: randomUUID(),
    type: 'marketplace.identity.SellerApproved.v1',
    subject: userId,
    source: 'marketplace/test',
    time: new Date().toISOString(),
    data: { applicationId: randomUUID(), userId, storeName: 'Lovelace Looms', approvedBy: randomUUID(), approvedAt: new Date().toISOString() },
  });

describe('two partition batches at once, about the same two users in opposite orders', () => {
  let app: NotificationsTestApp;

  beforeAll(async () => {
    app = await NotificationsTestApp.start();
  });

  afterAll(async () => {
    await app?.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  /**
   * Hands the two batches to the controller at once, each taking its first event and then waiting until
   * the other has taken its own, so that the two transactions overlap; says how each ended.
   */
  async function takeOverlapping(first: MarketplaceEvent[], second: MarketplaceEvent[]): Promise<string[]> {
    const openers = new Set([first[0].id, second[0].id]);
    let opened = 0;
    let bothOpened: () => void = () => undefined;
    const overlapping = new Promise<void>((resolve) => (bothOpened = resolve));
    const intake = app.service.app.get(EventIntake);
    const take = intake.take.bind(intake);
    jest.spyOn(intake, 'take').mockImplementation(async (...args: Parameters<EventIntake['take']>) => {
      const taken = await take(...args);
      if (openers.has(args[1].id)) {
        if (++opened === 2) bothOpened();
        await overlapping;
      }
      return taken;
    });
    const controller = app.service.app.get(ConsumedEventsController);
    const batch = (events: MarketplaceEvent[], partition: number): EventBatch => ({
      topic: TOPICS.identityUser,
      partition,
      groupId: app.serviceName,
      // The controller reads only the events.
      events: events.map((event) => ({ event, context: {} as EventContext })),
    });
    const outcomes = await Promise.allSettled([controller.onIdentityEvents(batch(first, 0)), controller.onIdentityEvents(batch(second, 1))]);
    return outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : outcome.status));
  }

  it('both add in-app notifications and commit, with each user\'s seqs following commit order and exact unread counts', async () => {
    const [a, b] = [(await registerUser(app)).userId, (await registerUser(app)).userId];
    await waitFor(async () => (await app.db('users').whereIn('id', [a, b])).length === 2, { timeoutMs: 20_000, description: 'both users in the directory' });
    const pushed: LiveEvent[] = [];
    const feed = app.service.app.get(LiveFeed);
    const unsubscribe = [a, b].map((userId) => feed.subscribe(userId, (event) => pushed.push(event)));

    const first = [approved(a), approved(b)];
    const second = [approved(b), approved(a)];
    expect(await takeOverlapping(first, second)).toEqual(['fulfilled', 'fulfilled']);

    const inbox = async (userId: string) =>
      app.db('inbox_items').join('deliveries', 'deliveries.id', 'inbox_items.id').where('inbox_items.user_id', userId).orderBy('seq').select<Array<{ seq: string; source_id: string }>>('seq', 'source_id');
    const [ofA, ofB] = [await inbox(a), await inbox(b)];
    expect(ofA.map((item) => Number(item.seq))).toEqual([1, 2]);
    expect(ofB.map((item) => Number(item.seq))).toEqual([1, 2]);
    // One batch committed before the other: its notifications come first in both inboxes.
    const batchOf = (sourceId: string) => (first.some((event) => event.id === sourceId) ? 'first' : 'second');
    expect(ofA.map((item) => batchOf(item.source_id))).toEqual(ofB.map((item) => batchOf(item.source_id)));

    await waitFor(async () => pushed.length === 4, { timeoutMs: 10_000, description: 'four notifications pushed' });
    unsubscribe.forEach((stop) => stop());
    for (const userId of [a, b]) {
      const own = pushed.filter((event) => event.userId === userId) as Array<LiveEvent & { data: { unreadCount: number } }>;
      expect(own.map((event) => [event.id, event.data.unreadCount])).toEqual([['1', 1], ['2', 2]]);
    }
  });

  it('both commit when both park their events under the same users, unknown to the directory yet', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await takeOverlapping([approved(a), approved(b)], [approved(b), approved(a)])).toEqual(['fulfilled', 'fulfilled']);
    const parked = await app.db('parked_events').whereIn('waiting_for', [`user:${a}`, `user:${b}`]).select<Array<{ waiting_for: string }>>('waiting_for');
    expect(parked.map((row) => row.waiting_for).sort()).toEqual([`user:${a}`, `user:${a}`, `user:${b}`, `user:${b}`].sort());
  });
});
