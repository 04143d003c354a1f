import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/**
 * Who has an open connection on which instance. Each instance keeps its own rows and refreshes its
 * `seen_at`; rows of an instance that stopped refreshing (it died) are ignored, then pruned.
 */
@Injectable()
export class PresenceRepository {
  /** Marks the instance alive; true when its row had to be created (first beat, or pruned while it was unreachable). */
  async beat(db: Knex, instanceId: string, at: Date): Promise<boolean> {
    const { rows } = await db.raw<{ rows: Array<{ created: boolean }> }>(
      'insert into presence_instances (instance_id, seen_at) values (?, ?) on conflict (instance_id) do update set seen_at = excluded.seen_at returning (xmax = 0) as created',
      [instanceId, at],
    );
    return rows[0].created;
  }

  async setConnections(db: Knex, instanceId: string, userId: string, connections: number): Promise<void> {
    if (connections === 0) {
      await db('presence').where({ instance_id: instanceId, user_id: userId }).delete();
      return;
    }
    await db('presence').insert({ instance_id: instanceId, user_id: userId, connections }).onConflict(['instance_id', 'user_id']).merge();
  }

  /** Whether the user has a connection on an instance seen since `aliveSince`. */
  async isOnline(db: Knex, userId: string, aliveSince: Date): Promise<boolean> {
    const row = await db('presence as p')
      .join('presence_instances as i', 'i.instance_id', 'p.instance_id')
      .where('p.user_id', userId)
      .andWhere('i.seen_at', '>=', aliveSince)
      .first(db.raw('1 as present'));
    return row !== undefined;
  }

  /** Forgets instances not seen since `aliveSince`, and their users' rows with them. */
  async prune(db: Knex, aliveSince: Date): Promise<void> {
    await db('presence_instances').where('seen_at', '<', aliveSince).delete();
  }

  async remove(db: Knex, instanceId: string): Promise<void> {
    await db('presence_instances').where({ instance_id: instanceId }).delete();
  }
}
