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
  /**
   * Takes the users' head rows (made on first use), locked until commit, in one statement and in id
   * order: two transactions notifying the same users cannot deadlock, and each one's appends then count
   * from snapshots taken after the other's commit.
   */
  async lockHeads(trx: Knex.Transaction, userIds: readonly string[]): Promise<void> {
    await trx.raw(
      `insert into inbox_heads (user_id, last_seq) select id, 0 from unnest(?::uuid[]) as ids (id) order by id
       on conflict (user_id) do update set last_seq = inbox_heads.last_seq`,
      [[...new Set(userIds)]],
    );
  }

  /**
   * Adds a notification in one statement and returns its seq and the user's unread count with it. The
   * user's head row stays locked until commit, so seqs follow commit order; the count is exact when the
   * head was locked before (`lockHeads`), as the statement's snapshot then follows any earlier commit.
   */
  async append(trx: Knex.Transaction, userId: string, item: NewItem): Promise<{ seq: number; unreadCount: number }> {
    const { rows } = await trx.raw<{ rows: Array<{ seq: string; unread: string }> }>(
      `with head as (
         insert into inbox_heads (user_id, last_seq) values (?, 1)
         on conflict (user_id) do update set last_seq = inbox_heads.last_seq + 1 returning last_seq
       ), item as (
         insert into inbox_items (user_id, seq, id, template, category, title, body, link, created_at)
         select ?, last_seq, ?, ?, ?, ?, ?, ?, ? from head returning seq
       )
       select item.seq, (select count(*) from inbox_items where user_id = ? and read_at is null) + 1 as unread from item`,
      [userId, userId, item.id, item.template, item.category, item.title, item.body, item.link, item.createdAt, userId],
    );
    return { seq: Number(rows[0].seq), unreadCount: Number(rows[0].unread) };
  }

  async unreadCount(db: Knex, userId: string): Promise<number> {
    const row = await db('inbox_items').where({ user_id: userId }).whereNull('read_at').count<{ count: string }>('* as count').first();
    return Number(row?.count ?? 0);
  }

  async page(db: Knex, userId: string, filter: { unreadOnly: boolean; cursor?: string; limit: number }): Promise<Page<InboxItem>> {
    // Newest first by seq, the order they were committed in: items planned in one transaction share their created_at.
    const query = db('inbox_items').where({ user_id: userId }).select(COLUMNS).orderBy('seq', 'desc').limit(filter.limit + 1);
    if (filter.unreadOnly) query.whereNull('read_at');
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor);
      query.whereRaw('seq < (select seq from inbox_items where user_id = ? and id = ?)', [userId, cursor.id]);
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
