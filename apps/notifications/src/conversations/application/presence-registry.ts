import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { KNEX, LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { LiveConnections } from '../../live/live-connections';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { CONVERSATIONS_CONFIG, type ConversationsConfig } from '../conversations-config';
import { PresenceRepository } from '../infrastructure/presence-repository';
import { LocalConnections, type PresenceHook } from './local-connections';

/** An instance that missed this many heartbeats is taken for dead: its users are offline. */
const MISSED_BEATS = 3;

/**
 * Presence across instances: this instance's open connections (WebSockets and SSE streams) mirrored
 * into the presence table. Writes are chained so a row ends with the latest count; a failed write or
 * an instance taken for dead is repaired by the next heartbeat, which rewrites every row.
 */
@Injectable()
export class PresenceRegistry {
  readonly instanceId: string;
  private readonly hooks: PresenceHook[] = [];
  private readonly local = new LocalConnections(this.hooks);
  private writes: Promise<unknown> = Promise.resolve();
  private rowsStale = false;

  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly presence: PresenceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) ids: IdGenerator,
    @Inject(CONVERSATIONS_CONFIG) private readonly config: ConversationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    connections: LiveConnections,
  ) {
    this.instanceId = ids.next();
    // An open notification stream carries chat events too: its user is present.
    connections.watch((userId) => this.open(userId));
  }

  whilePresent(hook: PresenceHook): void {
    this.hooks.push(hook);
  }

  /** Counts a connection of the user; the returned function (safe to call twice) counts it out. */
  open(userId: string): () => void {
    this.local.add(userId);
    this.sync(userId);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.local.remove(userId);
      this.sync(userId);
    };
  }

  isOnline(db: Knex, userId: string): Promise<boolean> {
    return this.presence.isOnline(db, userId, this.aliveSince());
  }

  /** This instance is alive; dead instances are forgotten. */
  async beat(): Promise<void> {
    const created = await this.presence.beat(this.db, this.instanceId, this.clock.now());
    if (created || this.rowsStale) {
      this.rowsStale = false;
      this.local.users().forEach((userId) => this.sync(userId));
    }
    await this.presence.prune(this.db, this.aliveSince());
  }

  async leave(): Promise<void> {
    await this.writes;
    await this.presence.remove(this.db, this.instanceId);
  }

  private aliveSince(): Date {
    return new Date(this.clock.now().getTime() - MISSED_BEATS * this.config.CONVERSATIONS_HEARTBEAT_MS);
  }

  private sync(userId: string): void {
    this.writes = this.writes
      .then(() => this.presence.setConnections(this.db, this.instanceId, userId, this.local.count(userId)))
      .catch((error: unknown) => {
        this.rowsStale = true;
        this.logger.warn({ err: error, userId }, 'presence: could not record connections; the next heartbeat rewrites them');
      });
  }
}
