import { retryPolicy } from '@marketplace/messaging';
import { nextStep } from './delivery-outcome';

const policy = retryPolicy({ maxAttempts: 4, initialDelayMs: 1_000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.5 });
const now = new Date('2026-11-30T12:00:00.000Z');
const refused = { status: 'failed', permanent: false, error: '451 try again later' } as const;

describe('what follows a delivery attempt', () => {
  it('given a send that worked, records it sent', () => {
    expect(nextStep({ status: 'sent' }, 1, policy, now, 0.3)).toEqual({ status: 'sent', entry: { attempt: 1, at: now.toISOString(), outcome: 'sent' } });
  });

  it.each([
    [1, 0, 1_000],
    [1, 0.99, 505],
    [2, 0, 2_000],
    [3, 0.5, 3_000],
  ])('given temporary failure of attempt %i (draw %f), retries after %i ms', (attempt, random, delayMs) => {
    const step = nextStep(refused, attempt, policy, now, random);
    expect(step.status).toBe('pending');
    expect(step.status === 'pending' && step.retryAt.getTime() - now.getTime()).toBe(delayMs);
    expect(step.entry).toMatchObject({ attempt, outcome: 'retry', error: '451 try again later' });
  });

  it('given a temporary failure of the last allowed attempt, fails with the error', () => {
    expect(nextStep(refused, 4, policy, now, 0)).toEqual({ status: 'failed', entry: { attempt: 4, at: now.toISOString(), outcome: 'failed', error: '451 try again later' } });
  });

  it('given a permanent failure, fails at once without another attempt', () => {
    expect(nextStep({ status: 'failed', permanent: true, error: '550 no such mailbox' }, 1, policy, now, 0).status).toBe('failed');
  });
});
