import type { PayoutOutcome, PayoutProviderPort, PayoutRequest } from '../application/payout-provider';

/** The payout id without dashes after `po_sim_`: the same payout always gets the same provider id. */
function simulatedPayoutId(payoutId: string): string {
  return `po_sim_${payoutId.replace(/-/g, '')}`;
}

/** The default payout provider: pays at once, the same answer for the same payout (as a key would). */
export class SimulatedPayoutProvider implements PayoutProviderPort {
  readonly name = 'simulated';

  pay(request: PayoutRequest): Promise<PayoutOutcome> {
    return Promise.resolve({ kind: 'paid', providerPayoutId: simulatedPayoutId(request.payoutId) });
  }
}
