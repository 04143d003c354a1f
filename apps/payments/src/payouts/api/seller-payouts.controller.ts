import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { decodeCursor, toPage } from '@marketplace/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PayoutsReadModel } from '../infrastructure/payouts-read-model';

export class ListPayoutsQueryDto extends createZodDto(
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(200).optional(),
  }),
) {}

/** A seller's own payouts, newest first, a page at a time. */
@Roles('seller')
@Controller('seller/payouts')
export class SellerPayoutsController {
  constructor(private readonly payouts: PayoutsReadModel) {}

  @Get()
  async list(@CurrentUser() seller: AuthenticatedUser, @Query() query: ListPayoutsQueryDto) {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.payouts.forSeller(seller.id, query.limit, after);
    const page = toPage(rows, query.limit, (row) => ({ at: row.scheduledAt, id: row.payoutId }));
    return {
      items: page.items.map(({ payoutId, amount, status, providerPayoutId, failureCode, scheduledAt }) => ({ payoutId, amount, status, providerPayoutId, failureCode, scheduledAt: scheduledAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  }
}
