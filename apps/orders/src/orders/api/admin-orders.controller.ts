import { Roles } from '@marketplace/auth';
import { KNEX } from '@marketplace/platform';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { Knex } from 'knex';
import { OrderListsRepository } from '../infrastructure/read-model/order-lists-repository';
import { pageView, summaryView } from './list-views';
import { AdminOrdersQueryDto } from './orders.dto';

/** Every order, for admins: by status, placement time (from inclusive, to exclusive), seller and buyer. */
@Roles('admin')
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly lists: OrderListsRepository,
  ) {}

  @Get()
  async list(@Query() query: AdminOrdersQueryDto) {
    const { from, to, ...filter } = query;
    const page = await this.lists.summaries(this.db, { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
    return pageView(page, summaryView);
  }
}
