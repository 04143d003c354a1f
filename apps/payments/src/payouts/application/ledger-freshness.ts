import { LOGGER } from '@marketplace/platform';
import { ProjectionEngine } from '@marketplace/projections';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LEDGER_PROJECTION } from '../../ledger/infrastructure/projection/ledger.projection';

const WAIT_MS = 5000;
const POLL_MS = 50;

/**
 * Waits (a little) for the ledger to hold every stored event, so a pass pays what was made available
 * just before it. Not what keeps payouts within the balance (their ids do); a ledger still behind after
 * the wait only delays money to the next pass.
 */
@Injectable()
export class LedgerFreshness {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async caughtUp(): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const [status] = await this.engine.status([LEDGER_PROJECTION]);
      if (status?.lag === 0) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    this.logger.warn('the ledger is still catching up; this payout pass reads it as it is');
  }
}
