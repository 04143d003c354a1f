import type { Migration } from '@marketplace/platform';

/**
 * Phone and locale of each user. Accounts from before have none chosen: `en`, as UserRegistered v1 is
 * read. The check repeats the API's E.164 rule, so no other writer can store a number SMS cannot use.
 */
export const userProfileMigration: Migration = {
  name: '002-identity-user-phone-and-locale',
  async up(knex) {
    await knex.raw(`
      alter table users
        add column phone text check (phone ~ '^[+][1-9][0-9]{6,14}$'),
        add column locale text not null default 'en';
    `);
  },
};
