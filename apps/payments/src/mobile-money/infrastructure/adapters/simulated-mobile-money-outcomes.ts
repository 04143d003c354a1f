import type { MobileMoneyFailure } from '../../domain/mobile-money-outcomes';

/** How the simulated buyer answers a push: approves, declines for a reason, or never answers. */
export type SimulatedPushAnswer = { kind: 'approved' } | { kind: 'declined'; failureCode: MobileMoneyFailure; message: string } | { kind: 'unanswered' };

const declined = (failureCode: MobileMoneyFailure, message: string): SimulatedPushAnswer => ({ kind: 'declined', failureCode, message });

/**
 * Test numbers by their last four digits, which are M-Pesa's result code for the outcome (e.g.
 * +254700001032 cancels). Any other number approves.
 */
const ANSWERS: Readonly<Record<string, SimulatedPushAnswer>> = {
  '1032': declined('cancelled_by_user', 'Request cancelled by user'),
  '0001': declined('insufficient_funds', 'The balance is insufficient for the transaction'),
  '2001': declined('wrong_pin', 'The initiator information is invalid'),
  '1037': declined('unreachable', 'DS timeout user cannot be reached'),
  '1019': { kind: 'unanswered' },
};

export function simulatedPushAnswer(phone: string): SimulatedPushAnswer {
  return ANSWERS[phone.slice(-4)] ?? { kind: 'approved' };
}
