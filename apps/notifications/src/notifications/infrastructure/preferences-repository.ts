import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { type Preferences, type PreferencesChange, withDefaults } from '../domain/preferences';

/** Each user's stored settings; a user who never chose has the defaults. */
@Injectable()
export class PreferencesRepository {
  async get(db: Knex, userId: string): Promise<Preferences> {
    return (await this.getMany(db, [userId])).get(userId) ?? withDefaults(undefined);
  }

  async getMany(db: Knex, userIds: readonly string[]): Promise<Map<string, Preferences>> {
    const rows = userIds.length === 0 ? [] : await db('preferences').whereIn('user_id', [...userIds]).select<Array<{ user_id: string; settings: PreferencesChange }>>('user_id', 'settings');
    const stored = new Map(rows.map((row) => [row.user_id, row.settings]));
    return new Map(userIds.map((id) => [id, withDefaults(stored.get(id))]));
  }

  async save(db: Knex, userId: string, preferences: Preferences, at: Date): Promise<void> {
    await db('preferences').insert({ user_id: userId, settings: JSON.stringify(preferences), updated_at: at }).onConflict('user_id').merge();
  }
}
