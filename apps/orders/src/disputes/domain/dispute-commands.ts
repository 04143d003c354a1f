import type { DisputeOpened, Money } from '@marketplace/contracts';

export type DisputeRole = 'buyer' | 'seller' | 'admin';

export type DisputeDecision = 'refund' | 'reject' | 'request_return';

/** Every command carries its time (`at`, ISO 8601 UTC) and who gives it: the decider reads no clock. */
export type DisputeCommand =
  | { type: 'OpenDispute'; opened: DisputeOpened }
  | { type: 'RespondToDispute'; responderId: string; role: DisputeRole; message: string; at: string }
  /** An admin's decision; `amount` is the refund (default: the disputed lines' total). */
  | { type: 'ResolveDispute'; decision: DisputeDecision; adminId: string; amount?: Money; note?: string; at: string }
  | { type: 'RecordReturnReceived'; receivedBy: string; at: string }
  | { type: 'CloseChargebackCase'; outcome: 'won' | 'lost'; at: string };
