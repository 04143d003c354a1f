import type { ChargebackClosed, ChargebackOpened, Money } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';

/** A chargeback on a captured payment, as the payment keeps it. */
export interface ChargebackRecord {
  chargebackId: string;
  providerDisputeId: string;
  amount: Money;
  reason: string;
  status: 'open' | 'won' | 'lost';
  openedAt: string;
  closedAt?: string;
}

/** One chargeback per provider dispute, whichever report of it comes first. */
export function chargebackIdOf(paymentId: string, providerDisputeId: string): string {
  return nameBasedId(paymentId, providerDisputeId);
}

export function withOpenedChargeback(chargebacks: ChargebackRecord[] = [], data: ChargebackOpened): ChargebackRecord[] {
  const { chargebackId, providerDisputeId, amount, reason, openedAt } = data;
  return [...chargebacks, { chargebackId, providerDisputeId, amount, reason, status: 'open', openedAt }];
}

export function withClosedChargeback(chargebacks: ChargebackRecord[] = [], data: ChargebackClosed): ChargebackRecord[] {
  return chargebacks.map((chargeback) => (chargeback.chargebackId === data.chargebackId ? { ...chargeback, status: data.outcome, closedAt: data.closedAt } : chargeback));
}

/** Minor units lost to chargebacks: gone to the buyer, so no longer refundable. */
export function chargedBackAmount(chargebacks: ChargebackRecord[] = []): number {
  return chargebacks.filter((chargeback) => chargeback.status === 'lost').reduce((sum, chargeback) => sum + chargeback.amount.amount, 0);
}
