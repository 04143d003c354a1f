import { deciderSpecification, foldEvents } from '@marketplace/event-store';
import { commands, eur, events, ISO, PI } from '../../../test/fixtures/payment-history';
import type { PaymentCommand } from './payment-commands';
import { paymentDecider } from './payment-decider';
import type { PaymentEvent } from './payment-events';

const spec = deciderSpecification(paymentDecider);

describe('a payment from initiation to its money verdict', () => {
  it('starts once per payment id: the same request again is a no-op', () => {
    spec.given([]).when(commands.initiate).then(events.initiated);
    spec.given(events.initiated).when(commands.initiate).then([]);
  });

  it('records a capture once; a duplicate changes nothing', () => {
    spec.given(events.initiated).when(commands.capture()).then([events.captured()]);
    spec.given([...events.initiated, events.captured()]).when(commands.capture()).then([]);
  });

  it('goes through 3-D Secure: requires_action once, then captured', () => {
    spec.given(events.initiated).when(commands.requiresAction()).then([events.requiresAction]);
    spec.given([...events.initiated, events.requiresAction]).when(commands.requiresAction()).then([]);
    spec.given([...events.initiated, events.requiresAction]).when(commands.capture()).then([events.captured()]);
  });

  it('records a decline as a failure with its codes, once', () => {
    spec.given(events.initiated).when(commands.decline('card_declined', 'insufficient_funds')).then([events.failed('card_declined', 'insufficient_funds')]);
    spec.given([...events.initiated, events.failed()]).when(commands.decline()).then([]);
  });

  it('keeps captured final: a late requires_action or decline is a no-op', () => {
    const captured = [...events.initiated, events.captured()];
    spec.given(captured).when(commands.requiresAction()).then([]);
    spec.given(captured).when(commands.decline()).then([]);
  });

  it('records a capture after a failure (the money moved), without refunding by itself', () => {
    spec.given([...events.initiated, events.failed()]).when(commands.capture()).then([events.captured()]);
  });

  it('ignores provider inputs about another provider payment than the recorded one', () => {
    const waiting = [...events.initiated, events.requiresAction];
    spec.given(waiting).when(commands.capture(undefined, 'pi_other')).then([]);
    spec.given(waiting).when({ ...commands.decline(), providerPaymentId: 'pi_other' }).then([]);
  });

  it('notes the provider payment id of a payment still processing, once', () => {
    spec.given(events.initiated).when(commands.processing).then([{ type: 'PaymentProcessing', data: { paymentId: commands.initiate.paymentId, providerPaymentId: PI, at: ISO } }]);
    spec.given([...events.initiated, events.requiresAction]).when(commands.processing).then([]);
  });

  it('never applies a capture of another amount or currency: it records an anomaly, once', () => {
    const anomaly = (received = eur(4800)): PaymentEvent => ({
      type: 'PaymentAnomalyDetected',
      data: { paymentId: commands.initiate.paymentId, anomaly: 'capture_amount_mismatch', providerReference: PI, expected: eur(4900), received, detectedAt: ISO },
    });
    spec.given(events.initiated).when(commands.capture(eur(4800))).then([anomaly()]);
    spec.given(events.initiated).when(commands.capture({ amount: 4900, currency: 'USD' })).then([anomaly({ amount: 4900, currency: 'USD' })]);
    spec.given([...events.initiated, anomaly()]).when(commands.capture(eur(4800))).then([]);
  });

  it('converges to the same state whatever the order of requires_action, capture and a stale decline', () => {
    const inputs: PaymentCommand[] = [commands.requiresAction(), commands.capture(), commands.decline()];
    const outcomes = permutations(inputs).map((order) => {
      const history = order.reduce<PaymentEvent[]>((done, command) => [...done, ...paymentDecider.decide(command, foldEvents(paymentDecider, done))], [...events.initiated]);
      return foldEvents(paymentDecider, history);
    });
    for (const state of outcomes) {
      expect(state).toEqual(outcomes[0]);
      expect(state).toMatchObject({ status: 'captured', captured: eur(4900), refunds: [] });
    }
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
