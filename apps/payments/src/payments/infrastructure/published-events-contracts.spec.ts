import type { RecordedEvent } from '@marketplace/event-store';
import { publishByContract } from '@marketplace/messaging';
import { PAYOUT_EVENT_TYPES, PAYOUT_STREAM_PREFIX } from '../../payouts/domain/payout-events';
import { PAYMENT_EVENT_TYPES, PAYMENT_STREAM_PREFIX } from '../domain/payment-events';
import { publishPaymentEvent } from './published-events';

// The ops CLI holds no service code: it republishes payments' history with publishByContract, so the
// relay's mapping must give the same topic, type and key for every stored event.
describe('payments publication agrees with the contracts', () => {
  const byContract = publishByContract('payments', [PAYMENT_STREAM_PREFIX, PAYOUT_STREAM_PREFIX]);
  const data = { paymentId: 'p-1', payoutId: 'po-1' };
  const stored = (streamId: string, type: string): RecordedEvent => ({ id: 'e', streamId, type, revision: 0, position: { commit: 1n, prepare: 1n }, recordedAt: new Date(0), data, metadata: {} });

  it.each([...PAYMENT_EVENT_TYPES.map((type) => [`${PAYMENT_STREAM_PREFIX}p-1`, type]), ...PAYOUT_EVENT_TYPES.map((type) => [`${PAYOUT_STREAM_PREFIX}po-1`, type])])('%s %s', (stream, type) => {
    expect(byContract(stored(stream, type))).toEqual(publishPaymentEvent(stored(stream, type)));
  });
});
