import { deciderSpecification } from '@marketplace/event-store';
import { at, ids } from '../../../test/fixtures/order-fixtures';
import { buyerDispute, chargebackCase } from '../../../test/disputes-fixtures';
import { NIL_UUID } from './decisions/close-chargeback';
import { disputeDecider } from './dispute-decider';
import { ChargebackNotRefundableError, DisputeNotFoundError, DisputeResolvedError, RefundExceedsDisputedError, ReturnAlreadyRequestedError, ReturnNotRequestedError } from './dispute-errors';
import type { DisputeEvent } from './dispute-events';

const spec = deciderSpecification(disputeDecider);
const { disputeId, orderId, buyerId, paymentId } = buyerDispute;
const parties = { disputeId, orderId, buyerId };
const base = { ...parties, paymentId };
const opened: DisputeEvent = { type: 'DisputeOpened', data: buyerDispute };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const resolve = (decision: 'refund' | 'reject' | 'request_return', amount?: { amount: number; currency: string }) =>
  ({ type: 'ResolveDispute', decision, adminId: ids.admin, amount, at: at(20) }) as const;
const resolved = (outcome: 'refunded' | 'rejected', refund?: { amount: number; currency: string }): DisputeEvent => ({
  type: 'DisputeResolved',
  data: { ...base, outcome, ...(refund && { refund }), resolvedBy: ids.admin, resolvedAt: at(20) },
});
const returnRequested: DisputeEvent = { type: 'DisputeReturnRequested', data: { ...parties, requestedBy: ids.admin, refundOnReceipt: eur(9000), requestedAt: at(20) } };

describe('Dispute decider', () => {
  describe('opening', () => {
    it('opens the dispute', () => spec.given([]).when({ type: 'OpenDispute', opened: buyerDispute }).then([opened]));
    it('opens it once: a retried request decides nothing', () => spec.given([opened]).when({ type: 'OpenDispute', opened: buyerDispute }).then([]));
  });

  describe('responding', () => {
    const respond = { type: 'RespondToDispute', responderId: ids.seller, role: 'seller', message: 'Sorry, we will sort it out.', at: at(12) } as const;
    it('records a party\'s message', () =>
      spec.given([opened]).when(respond).then([{ type: 'DisputeResponded', data: { ...parties, responderId: ids.seller, role: 'seller', message: 'Sorry, we will sort it out.', respondedAt: at(12) } }]));
    it('takes messages while a return is awaited', () => spec.given([opened, returnRequested]).when(respond).then([{ type: 'DisputeResponded', data: { ...parties, responderId: ids.seller, role: 'seller', message: 'Sorry, we will sort it out.', respondedAt: at(12) } }]));
    it('refuses a message after the resolution, and on no dispute', () => {
      spec.given([opened, resolved('rejected')]).when(respond).then(DisputeResolvedError);
      spec.given([]).when(respond).then(DisputeNotFoundError);
    });
  });

  describe('resolving', () => {
    it('refunds the disputed lines in full when no amount is given', () => spec.given([opened]).when(resolve('refund')).then([resolved('refunded', eur(9000))]));
    it('refunds part of them', () => spec.given([opened]).when(resolve('refund', eur(2500))).then([resolved('refunded', eur(2500))]));
    it('refuses more than the disputed lines, or another currency', () => {
      spec.given([opened]).when(resolve('refund', eur(9001))).then(RefundExceedsDisputedError);
      spec.given([opened]).when(resolve('refund', { amount: 100, currency: 'USD' })).then(RefundExceedsDisputedError);
    });
    it('rejects, keeping the note', () =>
      spec
        .given([opened])
        .when({ ...resolve('reject'), note: 'Photos show no damage.' })
        .then([{ type: 'DisputeResolved', data: { ...base, outcome: 'rejected', resolvedBy: ids.admin, note: 'Photos show no damage.', resolvedAt: at(20) } }]));
    it('decides once: a resolved dispute takes no second decision', () => spec.given([opened, resolved('rejected')]).when(resolve('refund')).then(DisputeResolvedError));
    it('refuses a decision on no dispute', () => spec.given([]).when(resolve('reject')).then(DisputeNotFoundError));
  });

  describe('returns', () => {
    it('asks for the goods back, refunding on receipt', () => spec.given([opened]).when(resolve('request_return')).then([returnRequested]));
    it('asks once', () => spec.given([opened, returnRequested]).when(resolve('request_return')).then(ReturnAlreadyRequestedError));
    it('refunds what the request promised when the goods arrive', () =>
      spec
        .given([opened, returnRequested])
        .when({ type: 'RecordReturnReceived', receivedBy: ids.seller, at: at(30) })
        .then([{ type: 'DisputeResolved', data: { ...base, outcome: 'refunded', refund: eur(9000), resolvedBy: ids.seller, note: 'Return received.', resolvedAt: at(30) } }]));
    it('refuses a receipt nobody asked for, or after the resolution', () => {
      spec.given([opened]).when({ type: 'RecordReturnReceived', receivedBy: ids.seller, at: at(30) }).then(ReturnNotRequestedError);
      spec.given([opened, resolved('rejected')]).when({ type: 'RecordReturnReceived', receivedBy: ids.seller, at: at(30) }).then(DisputeResolvedError);
    });
  });

  describe('chargeback cases', () => {
    const caseOpened: DisputeEvent = { type: 'DisputeOpened', data: chargebackCase };
    const caseBase = { ...base, disputeId: chargebackCase.disputeId };
    it('refuses a refund or a return: the bank already moved the money', () => {
      spec.given([caseOpened]).when(resolve('refund')).then(ChargebackNotRefundableError);
      spec.given([caseOpened]).when(resolve('request_return', eur(100))).then(ChargebackNotRefundableError);
    });
    it('lets an admin reject it', () =>
      spec.given([caseOpened]).when(resolve('reject')).then([{ type: 'DisputeResolved', data: { ...caseBase, outcome: 'rejected', resolvedBy: ids.admin, resolvedAt: at(20) } }]));
    it('closes with its chargeback, by nobody', () =>
      spec
        .given([caseOpened])
        .when({ type: 'CloseChargebackCase', outcome: 'won', at: at(40) })
        .then([{ type: 'DisputeResolved', data: { ...caseBase, outcome: 'closed', resolvedBy: NIL_UUID, note: 'The chargeback was won.', resolvedAt: at(40) } }]));
    it('closes quietly nothing that is resolved, missing or a buyer\'s dispute', () => {
      const rejected: DisputeEvent = { type: 'DisputeResolved', data: { ...caseBase, outcome: 'rejected', resolvedBy: ids.admin, resolvedAt: at(20) } };
      spec.given([caseOpened, rejected]).when({ type: 'CloseChargebackCase', outcome: 'lost', at: at(40) }).then([]);
      spec.given([]).when({ type: 'CloseChargebackCase', outcome: 'lost', at: at(40) }).then([]);
      spec.given([opened]).when({ type: 'CloseChargebackCase', outcome: 'lost', at: at(40) }).then([]);
    });
  });
});
