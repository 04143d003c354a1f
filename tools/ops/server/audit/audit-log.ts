import { type OpsAction, type OpsActionOutcome, type OpsActionRecorded, opsActionRecorded } from '@marketplace/contracts';
import type { EventStore } from '@marketplace/event-store';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { decodeOpaqueCursor, encodeOpaqueCursor, EVENT_STORE } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';

/** The stream of every admin action, in the ops server's own schema; the relay publishes it to ops.audit.v1. */
export const AUDIT_STREAM = 'ops-audit';

export interface AuditEntry {
  action: OpsAction;
  outcome: OpsActionOutcome;
  adminId: string;
  target: string;
  details: OpsActionRecorded['details'];
}

export interface AuditPage {
  items: OpsActionRecorded[];
  /** Revision to read back from for the next page; undefined after the oldest. */
  before?: number;
}

/**
 * Appends each admin action as an OpsActionRecorded event and reads them back newest first. One stream:
 * admins act a few times a day, and a single stream pages backwards by revision without an index.
 */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async record(entry: AuditEntry): Promise<OpsActionRecorded> {
    const data = opsActionRecorded.schema.parse({ actionId: this.ids.next(), ...entry, recordedAt: this.clock.now().toISOString() });
    await this.store.appendToStream(AUDIT_STREAM, [{ id: data.actionId, type: opsActionRecorded.name, data }], { expectedRevision: 'any' });
    return data;
  }

  /** Every action, oldest first: admins act a few times a day, so the stream stays small. */
  async all(): Promise<OpsActionRecorded[]> {
    return (await this.store.readStream(AUDIT_STREAM)).map((event) => event.data as OpsActionRecorded);
  }

  /** Up to `limit` actions, newest first, from revision `before` (inclusive) back. */
  async page(limit: number, before?: number): Promise<AuditPage> {
    const events = await this.store.readStream(AUDIT_STREAM, { direction: 'backwards', maxCount: limit + 1, ...(before !== undefined && { from: before }) });
    const items = events.slice(0, limit).map((event) => event.data as OpsActionRecorded);
    return { items, before: events.length > limit ? events[limit].revision : undefined };
  }
}

const auditCursorShape = z.strictObject({ before: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** The audit list's cursor: the revision the next page starts at, opaque to clients. */
export function encodeAuditCursor(before: number): string {
  return encodeOpaqueCursor({ before });
}

export function decodeAuditCursor(cursor: string): number {
  return decodeOpaqueCursor(cursor, auditCursorShape).before;
}
