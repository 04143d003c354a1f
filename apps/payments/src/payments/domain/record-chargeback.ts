import type { RecordChargebackClosed, RecordChargebackOpened } from './chargeback-commands';
import { chargebackIdOf } from './chargeback-records';
import type { PaymentEvent } from './payment-events';
import type { CapturedPayment, PaymentState } from './payment-state';

/** A chargeback opens on a captured payment only, once per provider dispute; a repeat is a no-op. */
export function recordChargebackOpened(command: RecordChargebackOpened, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'captured') return [];
  const chargebackId = chargebackIdOf(command.paymentId, command.providerDisputeId);
  if (state.chargebacks?.some((chargeback) => chargeback.chargebackId === chargebackId)) return [];
  return [opened(state, command, chargebackId)];
}

/** Won or lost, once; a close without a reported opening records both. */
export function recordChargebackClosed(command: RecordChargebackClosed, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'captured') return [];
  const chargebackId = chargebackIdOf(command.paymentId, command.providerDisputeId);
  const known = state.chargebacks?.find((chargeback) => chargeback.chargebackId === chargebackId);
  if (known && known.status !== 'open') return [];
  const { paymentId, amount, outcome, at } = command;
  const closed: PaymentEvent = {
    type: 'ChargebackClosed',
    data: { chargebackId, paymentId, orderId: state.orderId, amount: known?.amount ?? amount, outcome, closedAt: at.toISOString() },
  };
  return known ? [closed] : [opened(state, command, chargebackId), closed];
}

function opened(state: CapturedPayment, command: RecordChargebackOpened | RecordChargebackClosed, chargebackId: string): PaymentEvent {
  const { paymentId, providerDisputeId, amount, reason, at } = command;
  return {
    type: 'ChargebackOpened',
    data: { chargebackId, paymentId, orderId: state.orderId, amount, provider: state.provider, providerDisputeId, reason, openedAt: at.toISOString() },
  };
}
