import { decodeCursor, type Page, toPage } from '@marketplace/platform';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Delivery, DeliveryStatus } from '../domain/delivery';
import type { NextStep } from '../domain/delivery-outcome';
import { DELIVERY_COLUMNS, type DeliveryRow, toDelivery } from './delivery-rows';

export type NewDelivery = Pick<Delivery, 'id' | 'sourceId' | 'recipientId' | 'channel' | 'template' | 'category' | 'address' | 'subject' | 'bodyText' | 'bodyHtml'>;

/** The deliveries table: unique per (source, recipient, channel), claimed with a lease for sending. */
@Injectable()
export class DeliveriesRepository {
  /** Records a delivery before anything is sent; false when that message was already recorded. */
  async insert(trx: Knex.Transaction, delivery: NewDelivery, status: 'pending' | 'sent', at: Date): Promise<boolean> {
    const { rowCount } = await trx.raw(
      `insert into deliveries (id, source_id, recipient_id, channel, template, category, address, subject, body_text, body_html, status, attempts, next_attempt_at, sent_at, attempt_log, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_id, recipient_id, channel) do nothing`,
      [
        delivery.id, delivery.sourceId, delivery.recipientId, delivery.channel, delivery.template, delivery.category, delivery.address,
        delivery.subject, delivery.bodyText, delivery.bodyHtml, status, status === 'sent' ? 1 : 0, status === 'pending' ? at : null,
        status === 'sent' ? at : null, JSON.stringify(status === 'sent' ? [{ attempt: 1, at: at.toISOString(), outcome: 'sent' }] : []), at,
      ],
    );
    return rowCount === 1;
  }

  /**
   * Takes up to `limit` deliveries that are due, or whose sender died mid-send (lease over), and leases
   * them: another instance skips rows being claimed, so each attempt is made by one sender.
   */
  async claim(db: Knex, now: Date, leaseUntil: Date, limit: number): Promise<Delivery[]> {
    const { rows } = await db.raw<{ rows: DeliveryRow[] }>(
      `with due as (select id from deliveries where status = 'pending' and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked),
            stale as (select id from deliveries where status = 'sending' and lease_until <= ? limit ? for update skip locked)
       update deliveries set status = 'sending', attempts = attempts + 1, lease_until = ?
       where id in (select id from due union all select id from stale)
       returning ${DELIVERY_COLUMNS.join(', ')}`,
      [now, limit, now, limit, leaseUntil],
    );
    return rows.map(toDelivery);
  }

  /** Records an attempt's outcome, if this sender still holds the delivery (its lease was not taken over). */
  async finish(trx: Knex.Transaction, delivery: Delivery, step: NextStep): Promise<boolean> {
    const updated = await trx('deliveries')
      .where({ id: delivery.id, status: 'sending', attempts: delivery.attempts })
      .update({
        status: step.status,
        lease_until: null,
        next_attempt_at: step.status === 'pending' ? step.retryAt : null,
        last_error: step.entry.error ?? null,
        sent_at: step.status === 'sent' ? step.entry.at : null,
        failed_at: step.status === 'failed' ? step.entry.at : null,
        attempt_log: trx.raw('attempt_log || ?::jsonb', [JSON.stringify([step.entry])]),
      });
    return updated === 1;
  }

  /** A failed delivery goes back to the queue with a fresh set of attempts; its record keeps the old ones. */
  async requeue(db: Knex, id: string, at: Date, by: string): Promise<Delivery | undefined> {
    const entry = { attempt: 0, at: at.toISOString(), outcome: 'requeued', by };
    const [row] = await db('deliveries')
      .where({ id, status: 'failed' })
      .update({ status: 'pending', attempts: 0, next_attempt_at: at, failed_at: null, attempt_log: db.raw('attempt_log || ?::jsonb', [JSON.stringify([entry])]) })
      .returning<DeliveryRow[]>(DELIVERY_COLUMNS);
    return row && toDelivery(row);
  }

  async find(db: Knex, id: string): Promise<Delivery | undefined> {
    const row = await db('deliveries').where({ id }).first<DeliveryRow | undefined>(DELIVERY_COLUMNS);
    return row && toDelivery(row);
  }

  /** Newest first by creation; `failed` lists what admins must look at. */
  async page(db: Knex, filter: { status?: DeliveryStatus; recipientId?: string; sourceId?: string; cursor?: string; limit: number }): Promise<Page<Delivery>> {
    const query = db('deliveries').select<DeliveryRow[]>(DELIVERY_COLUMNS).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(filter.limit + 1);
    if (filter.status) query.where('status', filter.status);
    if (filter.recipientId) query.where('recipient_id', filter.recipientId);
    if (filter.sourceId) query.where('source_id', filter.sourceId);
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor);
      query.whereRaw('(created_at, id) < (?, ?)', [cursor.at, cursor.id]);
    }
    const rows = (await query).map(toDelivery);
    return toPage(rows, filter.limit, (row) => ({ at: row.createdAt, id: row.id }));
  }
}
