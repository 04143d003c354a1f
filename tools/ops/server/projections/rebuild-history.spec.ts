import type { OpsActionRecorded } from '@marketplace/contracts';
import { randomUUID } from 'node:crypto';
import { rebuildHistory } from './rebuild-history';

const admin = randomUUID();
const recorded = (action: OpsActionRecorded['action'], outcome: OpsActionRecorded['outcome'], details: OpsActionRecorded['details'], at: string): OpsActionRecorded => ({
  actionId: randomUUID(),
  action,
  outcome,
  adminId: admin,
  target: `projection ${details.service}/${details.projection}`,
  details,
  recordedAt: at,
});

describe('the rebuilds the audit stream records', () => {
  const ids = { done: randomUUID(), failed: randomUUID(), open: randomUUID() };
  const of = (rebuildId: string) => ({ rebuildId, service: 'orders', projection: 'order-read-model' });

  it('gives each requested rebuild its end: succeeded with the events processed, failed with the error, else running', () => {
    const views = rebuildHistory([
      recorded('rebuild_requested', 'accepted', of(ids.done), '2026-12-01T10:00:00.000Z'),
      recorded('rebuild_finished', 'succeeded', { ...of(ids.done), processed: 1200 }, '2026-12-01T10:00:05.000Z'),
      recorded('dead_letter_replayed', 'succeeded', { replayed: 1 }, '2026-12-01T10:01:00.000Z'),
      recorded('rebuild_requested', 'accepted', of(ids.failed), '2026-12-01T10:02:00.000Z'),
      recorded('rebuild_finished', 'failed', { ...of(ids.failed), error: 'the store did not answer' }, '2026-12-01T10:02:01.000Z'),
      recorded('rebuild_requested', 'accepted', of(ids.open), '2026-12-01T10:03:00.000Z'),
    ]);
    expect(views).toEqual([
      { id: ids.done, service: 'orders', projection: 'order-read-model', status: 'succeeded', processed: 1200, total: 1200, startedAt: '2026-12-01T10:00:00.000Z', finishedAt: '2026-12-01T10:00:05.000Z', error: null, requestedBy: admin },
      { id: ids.failed, service: 'orders', projection: 'order-read-model', status: 'failed', processed: 0, total: 0, startedAt: '2026-12-01T10:02:00.000Z', finishedAt: '2026-12-01T10:02:01.000Z', error: 'the store did not answer', requestedBy: admin },
      { id: ids.open, service: 'orders', projection: 'order-read-model', status: 'running', processed: 0, total: 0, startedAt: '2026-12-01T10:03:00.000Z', finishedAt: null, error: null, requestedBy: admin },
    ]);
  });

  it('passes over an end without its request and actions that name no rebuild', () => {
    expect(rebuildHistory([recorded('rebuild_finished', 'succeeded', { ...of(ids.done), processed: 3 }, '2026-12-01T10:00:05.000Z'), recorded('rebuild_requested', 'accepted', { service: 'orders' }, '2026-12-01T10:00:06.000Z')])).toEqual([]);
  });
});
