import { disputeRefundId } from '../../payments/domain/dispute-refund';
import { commissionOn } from './allocation';
import type { LedgerOrderRecorded, OrderLedgerEvent } from './ledger-events';
import { chain, type LedgerStep } from './ledger-step';
import { chargeMoneyBack } from './money-back';
import type { OrderLedger } from './order-ledger-state';
import { relocate } from './relocation';
import { postSale } from './sale';

/**
 * Folds one stored event into its order's ledger and returns the transactions it posts. `eventId` (the
 * stored event's id) names the transactions, so a rebuild derives the same ones.
 */
export function foldOrderLedger(ledger: OrderLedger, event: OrderLedgerEvent, eventId: string): LedgerStep {
  const unchanged: LedgerStep = { ledger, transactions: [] };
  const after = (next: OrderLedger, at: string) => relocate(next, eventId, at);
  switch (event.type) {
    case 'LedgerOrderRecorded':
      return ledger.lines ? unchanged : postSale(recorded(ledger, event.data), eventId, event.data.recordedAt);
    case 'PaymentCaptured':
      return ledger.captured ? unchanged : postSale({ ...ledger, captured: true, currency: ledger.currency ?? event.data.amount.currency }, eventId, event.data.capturedAt);
    case 'RefundIssued': {
      const { refundId, amount, issuedAt } = event.data;
      const dispute = ledger.disputeRefunds[refundId];
      const step = chargeMoneyBack(ledger, { kind: 'refund', amount: amount.amount, productIds: dispute?.productIds, eventId, at: issuedAt });
      return dispute ? chain(step, (next) => after(withoutHold(next, dispute.disputeId), issuedAt)) : step;
    }
    case 'ChargebackOpened':
      return after({ ...ledger, holds: { ...ledger.holds, [event.data.chargebackId]: (ledger.lines ?? []).map((line) => line.productId) } }, event.data.openedAt);
    case 'ChargebackClosed': {
      const { chargebackId, outcome, amount, closedAt } = event.data;
      const charged = outcome === 'lost' ? chargeMoneyBack(ledger, { kind: 'chargeback', amount: amount.amount, eventId, at: closedAt }) : unchanged;
      return chain(charged, (next) => after(withoutHold(next, chargebackId), closedAt));
    }
    case 'LedgerDisputeOpened': {
      const { disputeId, paymentId, productIds, openedAt } = event.data;
      const disputeRefunds = { ...ledger.disputeRefunds, [disputeRefundId(paymentId, disputeId)]: { disputeId, productIds } };
      return after({ ...ledger, disputeRefunds, holds: { ...ledger.holds, [disputeId]: productIds } }, openedAt);
    }
    case 'LedgerDisputeResolved':
      // A refund outcome keeps the hold until the refund is issued, so the money cannot be paid out first.
      return event.data.outcome === 'refunded' ? unchanged : after(withoutHold(ledger, event.data.disputeId), event.data.resolvedAt);
    case 'LedgerDisputeWindowClosed':
      return ledger.windowClosed ? unchanged : after({ ...ledger, windowClosed: true }, event.data.closedAt);
    default:
      return unknownEvent(event);
  }
}

function recorded(ledger: OrderLedger, data: LedgerOrderRecorded): OrderLedger {
  const lines = data.lines.map(({ productId, sellerId, lineTotal, commissionRateBps }) => ({
    productId,
    sellerId,
    lineTotal,
    commission: commissionOn(lineTotal, commissionRateBps),
    refunded: 0,
    commissionReversed: 0,
  }));
  return { ...ledger, currency: data.currency, lines, marketplacePart: data.shipping + data.tax };
}

function withoutHold(ledger: OrderLedger, holdId: string): OrderLedger {
  const { [holdId]: _lifted, ...holds } = ledger.holds;
  return { ...ledger, holds };
}

function unknownEvent(event: never): never {
  throw new Error(`Unknown ledger event ${JSON.stringify(event)}`);
}
