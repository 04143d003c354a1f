import type { Money } from '@marketplace/contracts';
import type { ChargeOutcome } from '../../../payments/domain/provider-outcomes';
import { type MobileMoneyFailure, pushDeclined } from '../../domain/mobile-money-outcomes';

/** Daraja's STK result codes (callback `ResultCode`, query `ResultCode`) that buyers can act on. */
const FAILURES: Readonly<Record<number, MobileMoneyFailure>> = {
  1: 'insufficient_funds',
  1032: 'cancelled_by_user',
  1037: 'unreachable',
  1019: 'expired',
  2001: 'wrong_pin',
};

/**
 * The outcome of a finished STK push: 0 is paid (`paid` is the amount the callback reports; a status
 * query reports none, so the payment's own is used); any other code is a decline, the code kept as
 * `declineCode` (`mpesa_1032`) and unknown codes told with Daraja's own description.
 */
export function stkResultOutcome(checkoutRequestId: string, resultCode: number, resultDesc: string, paid: Money): ChargeOutcome {
  if (resultCode === 0) return { kind: 'captured', providerPaymentId: checkoutRequestId, amount: paid };
  return pushDeclined(checkoutRequestId, FAILURES[resultCode] ?? 'declined', resultDesc || `M-Pesa result ${resultCode}`, `mpesa_${resultCode}`);
}
