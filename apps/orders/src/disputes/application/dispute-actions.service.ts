import type { AuthenticatedUser } from '@marketplace/auth';
import type { Money } from '@marketplace/contracts';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../orders/domain/order-commands';
import type { DisputeDecision } from '../domain/dispute-commands';
import { DisputeNotFoundError, NotReturnRecipientError } from '../domain/dispute-errors';
import type { ActiveDispute } from '../domain/dispute-state';
import { roleInDispute } from './dispute-access';
import { DisputeSteps } from './dispute-steps';
import { type ExistingDispute, DisputeStreams } from './dispute-streams';

/** What the parties do to a dispute: read it, respond, decide it (admins), record the returned goods. */
@Injectable()
export class DisputeActionsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly disputes: DisputeStreams,
    private readonly steps: DisputeSteps,
  ) {}

  /** The dispute and its history, for its parties and admins; to anyone else it does not exist. */
  async read(caller: AuthenticatedUser, disputeId: string): Promise<ExistingDispute> {
    const found = await this.disputes.existing(disputeId);
    if (!roleInDispute(found.state, caller)) throw new DisputeNotFoundError();
    return found;
  }

  async respond(caller: AuthenticatedUser, disputeId: string, message: string, requestId: string): Promise<ActiveDispute> {
    const role = roleInDispute((await this.disputes.existing(disputeId)).state, caller);
    if (!role) throw new DisputeNotFoundError();
    const command = { type: 'RespondToDispute', responderId: caller.id, role, message, at: this.now() } as const;
    return this.steps.run(disputeId, command, this.context({ kind: role, userId: caller.id }, requestId));
  }

  resolve(admin: AuthenticatedUser, disputeId: string, decision: { decision: DisputeDecision; amount?: Money; note?: string }, requestId: string): Promise<ActiveDispute> {
    const command = { type: 'ResolveDispute', ...decision, adminId: admin.id, at: this.now() } as const;
    return this.steps.run(disputeId, command, this.context({ kind: 'admin', userId: admin.id }, requestId));
  }

  /** A seller of the disputed lines or an admin records that the goods came back. */
  async returnReceived(caller: AuthenticatedUser, disputeId: string, requestId: string): Promise<ActiveDispute> {
    const role = roleInDispute((await this.disputes.existing(disputeId)).state, caller);
    if (!role) throw new DisputeNotFoundError();
    if (role === 'buyer') throw new NotReturnRecipientError();
    return this.steps.run(disputeId, { type: 'RecordReturnReceived', receivedBy: caller.id, at: this.now() }, this.context({ kind: role, userId: caller.id }, requestId));
  }

  private context(actor: Actor, requestId: string) {
    return { commandId: this.ids.next(), actor, correlationId: requestId };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
