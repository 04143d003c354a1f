import type { Knex } from 'knex';

/** A provider's account (its `sub`) linked to one of ours. */
export interface LinkedIdentity {
  provider: string;
  subject: string;
  userId: string;
  /** The email the provider gave when it was linked, for the user to recognise it. */
  email: string | null;
  linkedAt: Date;
}

interface IdentityRow {
  provider: string;
  subject: string;
  user_id: string;
  email: string | null;
  linked_at: Date;
}

const toIdentity = (row: IdentityRow): LinkedIdentity => ({ provider: row.provider, subject: row.subject, userId: row.user_id, email: row.email, linkedAt: row.linked_at });

export class OidcIdentitiesRepository {
  async insert(db: Knex, identity: LinkedIdentity): Promise<void> {
    await db('oidc_identities').insert({ provider: identity.provider, subject: identity.subject, user_id: identity.userId, email: identity.email, linked_at: identity.linkedAt });
  }

  async userOf(db: Knex, provider: string, subject: string): Promise<string | undefined> {
    const row = await db('oidc_identities').where({ provider, subject }).first<IdentityRow | undefined>();
    return row?.user_id;
  }

  async ofUser(db: Knex, userId: string): Promise<LinkedIdentity[]> {
    const rows = await db('oidc_identities').where({ user_id: userId }).orderBy('linked_at').select<IdentityRow[]>();
    return rows.map(toIdentity);
  }

  async remove(db: Knex, userId: string, provider: string): Promise<void> {
    await db('oidc_identities').where({ user_id: userId, provider }).delete();
  }
}
