import type { DomainErrorKind } from '@marketplace/kernel';
import { Injectable } from '@nestjs/common';
import { RepeatedRefusalError } from '../../orders/application/first-answer';
import type { RequestOutcome } from '../../orders/infrastructure/order-requests-repository';
import { IdempotentRequests } from '../../shared/idempotent-requests';

/** What a dispute request was first answered with: the dispute opened, or the refusal. */
export type DisputeRequestOutcome = { kind: 'opened'; disputeId: string; status: string } | Extract<RequestOutcome, { kind: 'refused' }>;

/** `dispute_requests`: one row per buyer and Idempotency-Key, holding the body's hash and the first answer. */
@Injectable()
export class DisputeRequestsRepository extends IdempotentRequests<DisputeRequestOutcome> {
  constructor() {
    super('dispute_requests', 'dispute_id');
  }
}

/** The first answer again: the dispute, or its refusal thrown again (never hidden). */
export function replayDisputeOutcome(outcome: DisputeRequestOutcome): { disputeId: string; status: string } {
  if (outcome.kind === 'opened') return { disputeId: outcome.disputeId, status: outcome.status };
  throw new RepeatedRefusalError(outcome.errorKind as DomainErrorKind, outcome.code, outcome.message, outcome.details);
}
