import { Roles } from '@marketplace/auth';
import { ConflictError } from '@marketplace/platform';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { PayoutLoop } from '../application/payout-loop';

/** Admins run a payout pass now (tests and operations do not wait for PAYOUT_INTERVAL_MS). */
@Roles('admin')
@Controller('admin/payouts')
export class AdminPayoutsController {
  constructor(private readonly loop: PayoutLoop) {}

  /** 200 `{scheduled: [{payoutId, sellerId, amount}]}`; 409 `payout_run_in_progress` while another pass runs. */
  @Post('run')
  @HttpCode(200)
  async run() {
    const scheduled = await this.loop.runOnce();
    if (!scheduled) throw new ConflictError('A payout pass is running; try again when it is done.', { code: 'payout_run_in_progress' });
    return { scheduled };
  }
}
