import { type MinuteCounts, type PaymentFact } from './payment-facts';

export const NO_COUNTS: Readonly<MinuteCounts> = { initiated: 0, captured: 0, capturedAmount: 0, failed: 0, refunds: 0, refundedAmount: 0, chargebacks: 0, chargebackAmount: 0 };

export interface MinuteTotal extends MinuteCounts {
  minute: string;
  currency: string;
}

export interface MinuteDeclines {
  minute: string;
  currency: string;
  reason: string;
  count: number;
}

/** Facts summed per minute and currency (and decline reason): what a batch adds to the tables. */
export function sumFacts(facts: readonly PaymentFact[]): { totals: MinuteTotal[]; declines: MinuteDeclines[] } {
  const totals = new Map<string, MinuteTotal>();
  const declines = new Map<string, MinuteDeclines>();
  for (const { minute, currency, counts, declineReason } of facts) {
    const key = `${minute} ${currency}`;
    const total = totals.get(key) ?? { minute, currency, ...NO_COUNTS };
    for (const [name, value] of Object.entries(counts) as [keyof MinuteCounts, number][]) total[name] += value;
    totals.set(key, total);
    if (declineReason === undefined) continue;
    const declineKey = `${key} ${declineReason}`;
    const decline = declines.get(declineKey) ?? { minute, currency, reason: declineReason, count: 0 };
    decline.count += 1;
    declines.set(declineKey, decline);
  }
  return { totals: [...totals.values()], declines: [...declines.values()] };
}
