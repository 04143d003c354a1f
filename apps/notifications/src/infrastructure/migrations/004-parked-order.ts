import type { Migration } from '@marketplace/platform';

/**
 * Parked events in the order they were parked: events re-parked together in one transaction share
 * their parked_at, and a subject's steps must come out as they went in.
 */
export const parkedOrderMigration: Migration = {
  name: '004-parked-order',
  async up(knex) {
    await knex.raw('alter table parked_events add column seq bigserial');
  },
};
