import { decodeCursor, type Page, toPage } from '@marketplace/platform';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/** A notification in a user's in-app inbox; `seq` orders one user's notifications in commit order. */
export interface InboxItem {
  id: string;
  seq: number;
  template: string;
  category: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

type NewItem = Pick<InboxItem, 'id' | 'template' | 'category' | 'title' | 'body' | 'link' | 'createdAt'>;

const COLUMNS = ['id', 'seq', 'template', 'category', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'];
const toItem = (row: InboxItem & { seq: string | number }): InboxItem => ({ ...row, seq: Number(row.seq) });

/** The in-app inboxes. The unread count is always counted from the rows, so it cannot drift. */
@Injectable()
export class InboxItemsRepository {
  /** Adds a notification; the user's head row stays locked until commit, so seqs follow commit order. */
  async append(trx: Knex.Transaction, userId: string, item: NewItem): Promise<number> {
    const { rows } = await trx.raw<{ rows: Array<{ last_seq: string }> }>(
      'insert into inbox_heads (user_id, last_seq) values (?, 1) on conflict (user_id) do update set last_seq = inbox_heads.last_seq + 1 returning last_seq',
      [userId],
    );
    const seq = Number(rows[0].last_seq);
    await trx('inbox_items').insert({ user_id: userId, seq, id: item.id, template: item.template, category: item.category, title: item.title, body: item.body, link: item.link, created_at: item.createdAt });
    return seq;
  }

  async unreadCount(db: Knex, userId: string): Promise<number> {
    const row = await db('inbox_items').where({ user_id: userId }).whereNull('read_at').count<{ count: string }>('* as count').first();
    return Number(row?.count ?? 0);
  }

  async page(db: Knex, userId: string, filter: { unreadOnly: boolean; cursor?: string; limit: number }): Promise<Page<InboxItem>> {
    const query = db('inbox_items').where({ user_id: userId }).select(COLUMNS).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(filter.limit + 1);
    if (filter.unreadOnly) query.whereNull('read_at');
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor);
      query.whereRaw('(created_at, id) < (?, ?)', [cursor.at, cursor.id]);
    }
    const rows = (await query).map(toItem);
    return toPage(rows, filter.limit, (row) => ({ at: row.createdAt, id: row.id }));
  }

  /** What a client that saw up to `afterSeq` missed, oldest first. */
  async since(db: Knex, userId: string, afterSeq: number, limit: number): Promise<InboxItem[]> {
    const rows = await db('inbox_items').where({ user_id: userId }).andWhere('seq', '>', afterSeq).orderBy('seq').limit(limit).select(COLUMNS);
    return rows.map(toItem);
  }

  /** 'read' when it changed now, 'already' when it was read before, undefined when the user has no such notification. */
  async markRead(db: Knex, userId: string, id: string, at: Date): Promise<'read' | 'already' | undefined> {
    const row = await db('inbox_items').where({ user_id: userId, id }).first<{ read_at: Date | null } | undefined>('read_at');
    if (!row) return undefined;
    if (row.read_at) return 'already';
    const updated = await db('inbox_items').where({ user_id: userId, id }).whereNull('read_at').update({ read_at: at });
    return updated === 1 ? 'read' : 'already';
  }

  async markAllRead(db: Knex, userId: string, at: Date): Promise<number> {
    return db('inbox_items').where({ user_id: userId }).whereNull('read_at').update({ read_at: at });
  }
}
