import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Controller, Get } from '@nestjs/common';
import { LedgerReadModel } from '../infrastructure/ledger-read-model';

/** A seller's own money, per currency, in minor units: not payable yet, held, payable, on its way, paid. */
@Roles('seller')
@Controller('seller/balance')
export class SellerBalanceController {
  constructor(private readonly ledger: LedgerReadModel) {}

  @Get()
  async balance(@CurrentUser() seller: AuthenticatedUser) {
    const balances = await this.ledger.balancesOf(seller.id);
    return { items: balances.map(({ currency, pending, held, available, in_transit: inTransit, paid }) => ({ currency, pending, held, available, inTransit, paid })) };
  }
}
