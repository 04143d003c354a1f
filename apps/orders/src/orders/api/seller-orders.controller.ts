import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { KNEX, RequestId } from '@marketplace/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import type { Knex } from 'knex';
import { OrderActionsService } from '../application/order-actions.service';
import { OrderQueriesService } from '../application/order-queries.service';
import { OrderListsRepository } from '../infrastructure/read-model/order-lists-repository';
import { pageView, sellerLineView } from './list-views';
import { sellerOrderView } from './order-views';
import { OrderIdParamDto, SellerOrdersQueryDto, ShipLinesDto } from './orders.dto';

/** A seller's lines of the marketplace's orders: what to ship, and shipping them. Never another seller's. */
@Roles('seller')
@Controller('seller/orders')
export class SellerOrdersController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly queries: OrderQueriesService,
    private readonly actions: OrderActionsService,
    private readonly lists: OrderListsRepository,
  ) {}

  @Get()
  async list(@CurrentUser() seller: AuthenticatedUser, @Query() query: SellerOrdersQueryDto) {
    const page = await this.lists.sellerLines(this.db, seller.id, query);
    return pageView(page, (order) => ({ orderId: order.order_id, placedAt: order.placed_at.toISOString(), lines: order.lines.map(sellerLineView) }));
  }

  @Get(':id')
  async get(@CurrentUser() seller: AuthenticatedUser, @Param() params: OrderIdParamDto) {
    return sellerOrderView(await this.queries.forSeller(seller, params.id), seller.id);
  }

  /** Ships the named lines (all of the seller's unshipped lines when none are named) with one carrier and tracking number. */
  @Post(':id/ship')
  @HttpCode(200)
  async ship(@CurrentUser() seller: AuthenticatedUser, @Param() params: OrderIdParamDto, @Body() body: ShipLinesDto, @RequestId() requestId: string) {
    const { state } = await this.actions.ship(seller, params.id, body, requestId);
    return sellerOrderView(state, seller.id);
  }
}
